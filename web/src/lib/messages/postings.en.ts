// English for the postings pages. Typed against postings.zh-CN: a missing or extra key does not compile.
import type zh from './postings.zh-CN';

const postings: Record<keyof typeof zh, string> = {};

export default postings;
