// The dialogs opened from an account row: edit, reset password, roles.
import { EditUserModal } from './EditUserModal';
import { MembershipsDrawer } from './MembershipsDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { UserDialog } from './UserActions';

type Props = { consortiumId: string; dialog: UserDialog | null; onClose: () => void };

export function UserDialogs({ consortiumId, dialog, onClose }: Props) {
  return (
    <>
      <EditUserModal
        consortiumId={consortiumId}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onClose={onClose}
      />
      <ResetPasswordModal
        consortiumId={consortiumId}
        user={dialog?.kind === 'password' ? dialog.user : null}
        onClose={onClose}
      />
      <MembershipsDrawer
        consortiumId={consortiumId}
        userId={dialog?.kind === 'roles' ? dialog.user.id : null}
        onClose={onClose}
      />
    </>
  );
}
