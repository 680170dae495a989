// Quiet logs and library banners during tests.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.SEED_DEMO = process.env.SEED_DEMO ?? 'false';
