/** Question words (谁, 哪, 啥, 几, 什么, 多少, 怎): a keyword or word holding one asks rather than names. */
export const QUESTION_WORD = /[谁哪啥几]|什么|多少|怎/u;
