// English for the lists pages. Typed against lists.zh-CN: a missing or extra key does not compile.
import type zh from './lists.zh-CN';

const lists: Record<keyof typeof zh, string> = {};

export default lists;
