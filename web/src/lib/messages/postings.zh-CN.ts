// 简体中文：postings 相关页面的文案（en 版本 postings.en.ts 必须逐一对应）。
const postings = {} as const;

export default postings;
