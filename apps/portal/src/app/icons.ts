// The Material Symbols icons this app shows (outlined, weight 400), bundled as inline SVG: only these
// travel, not the whole icon font (4 MB). A name missing here is a type error where the name is
// typed (PortalIcon / AdminIcon), and scripts/check-icons.js (in `npm test`) finds one a template names.
import { EnvironmentProviders } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideInlineIcons } from '@achievement/web';
import accountBalance from '@material-symbols/svg-400/outlined/account_balance.svg';
import addShoppingCart from '@material-symbols/svg-400/outlined/add_shopping_cart.svg';
import adminPanelSettings from '@material-symbols/svg-400/outlined/admin_panel_settings.svg';
import arrowBack from '@material-symbols/svg-400/outlined/arrow_back.svg';
import block from '@material-symbols/svg-400/outlined/block.svg';
import check from '@material-symbols/svg-400/outlined/check.svg';
import checkCircle from '@material-symbols/svg-400/outlined/check_circle.svg';
import close from '@material-symbols/svg-400/outlined/close.svg';
import creditCard from '@material-symbols/svg-400/outlined/credit_card.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import description from '@material-symbols/svg-400/outlined/description.svg';
import domain from '@material-symbols/svg-400/outlined/domain.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import edit from '@material-symbols/svg-400/outlined/edit.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import factCheck from '@material-symbols/svg-400/outlined/fact_check.svg';
import flag from '@material-symbols/svg-400/outlined/flag.svg';
import folderOpen from '@material-symbols/svg-400/outlined/folder_open.svg';
import folderShared from '@material-symbols/svg-400/outlined/folder_shared.svg';
import forwardToInbox from '@material-symbols/svg-400/outlined/forward_to_inbox.svg';
import gppBad from '@material-symbols/svg-400/outlined/gpp_bad.svg';
import history from '@material-symbols/svg-400/outlined/history.svg';
import home from '@material-symbols/svg-400/outlined/home.svg';
import hourglassTop from '@material-symbols/svg-400/outlined/hourglass_top.svg';
import howToReg from '@material-symbols/svg-400/outlined/how_to_reg.svg';
import info from '@material-symbols/svg-400/outlined/info.svg';
import inventory2 from '@material-symbols/svg-400/outlined/inventory_2.svg';
import linkOff from '@material-symbols/svg-400/outlined/link_off.svg';
import localShipping from '@material-symbols/svg-400/outlined/local_shipping.svg';
import lock from '@material-symbols/svg-400/outlined/lock.svg';
import login from '@material-symbols/svg-400/outlined/login.svg';
import logout from '@material-symbols/svg-400/outlined/logout.svg';
import mail from '@material-symbols/svg-400/outlined/mail.svg';
import manageAccounts from '@material-symbols/svg-400/outlined/manage_accounts.svg';
import manageSearch from '@material-symbols/svg-400/outlined/manage_search.svg';
import markEmailRead from '@material-symbols/svg-400/outlined/mark_email_read.svg';
import markEmailUnread from '@material-symbols/svg-400/outlined/mark_email_unread.svg';
import menu from '@material-symbols/svg-400/outlined/menu.svg';
import openInNew from '@material-symbols/svg-400/outlined/open_in_new.svg';
import outgoingMail from '@material-symbols/svg-400/outlined/outgoing_mail.svg';
import person from '@material-symbols/svg-400/outlined/person.svg';
import personAdd from '@material-symbols/svg-400/outlined/person_add.svg';
import personSearch from '@material-symbols/svg-400/outlined/person_search.svg';
import receiptLong from '@material-symbols/svg-400/outlined/receipt_long.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import report from '@material-symbols/svg-400/outlined/report.svg';
import schedule from '@material-symbols/svg-400/outlined/schedule.svg';
import school from '@material-symbols/svg-400/outlined/school.svg';
import search from '@material-symbols/svg-400/outlined/search.svg';
import sell from '@material-symbols/svg-400/outlined/sell.svg';
import share from '@material-symbols/svg-400/outlined/share.svg';
import shieldLock from '@material-symbols/svg-400/outlined/shield_lock.svg';
import shoppingBasket from '@material-symbols/svg-400/outlined/shopping_basket.svg';
import shoppingCartCheckout from '@material-symbols/svg-400/outlined/shopping_cart_checkout.svg';
import stacks from '@material-symbols/svg-400/outlined/stacks.svg';
import storefront from '@material-symbols/svg-400/outlined/storefront.svg';
import supportAgent from '@material-symbols/svg-400/outlined/support_agent.svg';
import uploadFile from '@material-symbols/svg-400/outlined/upload_file.svg';
import verified from '@material-symbols/svg-400/outlined/verified.svg';
import visibility from '@material-symbols/svg-400/outlined/visibility.svg';
import visibilityOff from '@material-symbols/svg-400/outlined/visibility_off.svg';
import workHistory from '@material-symbols/svg-400/outlined/work_history.svg';

/** Each icon by its Material Symbols name: the SVG text, bundled by the ".svg": "text" loader of angular.json. */
const PORTAL_ICONS = {
  account_balance: accountBalance,
  add_shopping_cart: addShoppingCart,
  admin_panel_settings: adminPanelSettings,
  arrow_back: arrowBack,
  block,
  check,
  check_circle: checkCircle,
  close,
  credit_card: creditCard,
  delete: deleteIcon,
  description,
  domain,
  download,
  edit,
  error,
  fact_check: factCheck,
  flag,
  folder_open: folderOpen,
  folder_shared: folderShared,
  forward_to_inbox: forwardToInbox,
  gpp_bad: gppBad,
  history,
  home,
  hourglass_top: hourglassTop,
  how_to_reg: howToReg,
  info,
  inventory_2: inventory2,
  link_off: linkOff,
  local_shipping: localShipping,
  lock,
  login,
  logout,
  mail,
  manage_accounts: manageAccounts,
  manage_search: manageSearch,
  mark_email_read: markEmailRead,
  mark_email_unread: markEmailUnread,
  menu,
  open_in_new: openInNew,
  outgoing_mail: outgoingMail,
  person,
  person_add: personAdd,
  person_search: personSearch,
  receipt_long: receiptLong,
  refresh,
  report,
  schedule,
  school,
  search,
  sell,
  share,
  shield_lock: shieldLock,
  shopping_basket: shoppingBasket,
  shopping_cart_checkout: shoppingCartCheckout,
  stacks,
  storefront,
  support_agent: supportAgent,
  upload_file: uploadFile,
  verified,
  visibility,
  visibility_off: visibilityOff,
  work_history: workHistory,
} as const;

export type PortalIcon = keyof typeof PORTAL_ICONS;

/** Registers the icons with Material's icon registry, for `<mat-icon svgIcon="name">`. */
export function providePortalIcons(): EnvironmentProviders {
  return provideInlineIcons(MatIconRegistry, PORTAL_ICONS);
}
