// English for the matching pages. Typed against matching.zh-CN: a missing or extra key does not compile.
import type zh from './matching.zh-CN';

const matching: Record<keyof typeof zh, string> = {};

export default matching;
