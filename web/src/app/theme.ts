// A calm theme: a muted teal-blue, soft surfaces, CJK-friendly fonts.
import type { ThemeConfig } from 'antd';

export const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f8b',
    colorInfo: '#1f6f8b',
    colorSuccess: '#3a8f5c',
    colorWarning: '#c98a1b',
    colorError: '#c2453d',
    colorBgLayout: '#f4f6f8',
    borderRadius: 6,
    fontFamily,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: {
      itemBorderRadius: 6,
      activeBarBorderWidth: 0,
      itemSelectedBg: '#e3eef2',
      itemSelectedColor: '#1f6f8b',
    },
    Table: { headerBg: '#f7f9fa' },
  },
};
