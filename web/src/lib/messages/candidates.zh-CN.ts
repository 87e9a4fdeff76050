// 简体中文：candidates 相关页面的文案（en 版本 candidates.en.ts 必须逐一对应）。
const candidates = {} as const;

export default candidates;
