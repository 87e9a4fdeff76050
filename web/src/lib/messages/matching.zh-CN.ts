// 简体中文：供需撮合页面的文案（en 版本 matching.en.ts 必须逐一对应）。
const matching = {} as const;

export default matching;
