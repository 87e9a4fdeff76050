// 简体中文：lists 相关页面的文案（en 版本 lists.en.ts 必须逐一对应）。
const lists = {} as const;

export default lists;
