// English for the candidates pages. Typed against candidates.zh-CN: a missing or extra key does not compile.
import type zh from './candidates.zh-CN';

const candidates: Record<keyof typeof zh, string> = {};

export default candidates;
