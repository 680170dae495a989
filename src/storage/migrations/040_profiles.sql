-- Enterprise profiles of the tier and support advisor, per enterprise by 统一社会信用代码.
-- Holds only facts anyone who knows the code may reuse (name, honours with their years, pool,
-- manufacturing, first recognition, size); plans to list and hiring needs stay in the user's own
-- UserState profile. Deleted on "删除我的信息".
CREATE TABLE enterprise_profiles (
  credit_code TEXT PRIMARY KEY CHECK (length(credit_code) = 18),
  name        TEXT,
  profile     TEXT NOT NULL,              -- JSON: the shared fields of src/advisor/profile.ts
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
