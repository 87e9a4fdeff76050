import { Flex, Typography } from 'antd';
import { useT } from '../../lib/i18n';

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f6f8b" />
      <path d="M8 21.5 14 10l4 7 2.5-4L25 21.5Z" fill="#fff" opacity=".92" />
      <circle cx="22" cy="9.5" r="2.4" fill="#f2c14e" />
    </svg>
  );
}

export function Brand({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <Flex align="center" gap={10} style={{ whiteSpace: 'nowrap' }}>
      <Logo />
      {compact ? null : (
        <Typography.Text strong style={{ fontSize: 17, letterSpacing: 1 }}>
          {t('app.name')}
        </Typography.Text>
      )}
    </Flex>
  );
}
