// The Material Symbols icons this app shows (outlined, weight 400), bundled as inline SVG: only these
// travel, not the whole icon font (4 MB). A name missing here is a type error where the name is
// typed (PortalIcon / AdminIcon), and scripts/check-icons.js (in `npm test`) finds one a template names.
import { EnvironmentProviders } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideInlineIcons } from '@achievement/web';
import add from '@material-symbols/svg-400/outlined/add.svg';
import arrowBack from '@material-symbols/svg-400/outlined/arrow_back.svg';
import autorenew from '@material-symbols/svg-400/outlined/autorenew.svg';
import block from '@material-symbols/svg-400/outlined/block.svg';
import check from '@material-symbols/svg-400/outlined/check.svg';
import checkCircle from '@material-symbols/svg-400/outlined/check_circle.svg';
import close from '@material-symbols/svg-400/outlined/close.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import edit from '@material-symbols/svg-400/outlined/edit.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import filterList from '@material-symbols/svg-400/outlined/filter_list.svg';
import flag from '@material-symbols/svg-400/outlined/flag.svg';
import forwardToInbox from '@material-symbols/svg-400/outlined/forward_to_inbox.svg';
import mobileCancel from '@material-symbols/svg-400/outlined/mobile_cancel.svg';
import moreVert from '@material-symbols/svg-400/outlined/more_vert.svg';
import noteAdd from '@material-symbols/svg-400/outlined/note_add.svg';
import openInNew from '@material-symbols/svg-400/outlined/open_in_new.svg';
import personAdd from '@material-symbols/svg-400/outlined/person_add.svg';
import personRemove from '@material-symbols/svg-400/outlined/person_remove.svg';
import playlistAdd from '@material-symbols/svg-400/outlined/playlist_add.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import search from '@material-symbols/svg-400/outlined/search.svg';
import send from '@material-symbols/svg-400/outlined/send.svg';
import stickyNote2 from '@material-symbols/svg-400/outlined/sticky_note_2.svg';
import uploadFile from '@material-symbols/svg-400/outlined/upload_file.svg';
import visibility from '@material-symbols/svg-400/outlined/visibility.svg';
import visibilityOff from '@material-symbols/svg-400/outlined/visibility_off.svg';

/** Each icon by its Material Symbols name: the SVG text, bundled by the ".svg": "text" loader of angular.json. */
const ADMIN_ICONS = {
  add,
  arrow_back: arrowBack,
  autorenew,
  block,
  check,
  check_circle: checkCircle,
  close,
  delete: deleteIcon,
  download,
  edit,
  error,
  filter_list: filterList,
  flag,
  forward_to_inbox: forwardToInbox,
  mobile_cancel: mobileCancel,
  more_vert: moreVert,
  note_add: noteAdd,
  open_in_new: openInNew,
  person_add: personAdd,
  person_remove: personRemove,
  playlist_add: playlistAdd,
  refresh,
  search,
  send,
  sticky_note_2: stickyNote2,
  upload_file: uploadFile,
  // named by libs/web's new-password fields
  visibility,
  visibility_off: visibilityOff,
} as const;

export type AdminIcon = keyof typeof ADMIN_ICONS;

/** Registers the icons with Material's icon registry, for `<mat-icon svgIcon="name">`. */
export function provideAdminIcons(): EnvironmentProviders {
  return provideInlineIcons(MatIconRegistry, ADMIN_ICONS);
}
