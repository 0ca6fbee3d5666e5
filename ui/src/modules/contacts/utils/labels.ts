import type {
  AddressKind,
  ChangeKind,
  ContactChannel,
  ContactStatus,
  ContactType,
  EmailKind,
  LifecycleStage,
  PhoneKind,
  Priority,
  SiteRole,
} from "../../../ipc/bindings";

export const contactTypeLabels: Record<ContactType, string> = {
  primary: "Primary",
  billing: "Billing",
  operations: "Operations",
  emergency: "Emergency",
  other: "Other",
};

export const contactStatusLabels: Record<ContactStatus, string> = {
  active: "Active",
  inactive: "Inactive",
  archived: "Archived",
};

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  lead: "Lead",
  prospect: "Prospect",
  active_customer: "Active customer",
  former: "Former customer",
};

export const changeKindLabels: Record<ChangeKind, string> = {
  created: "Created",
  updated: "Changed",
  deactivated: "Deactivated",
};

export const priorityLabels: Record<Priority, string> = {
  high: "High priority",
  medium: "Medium priority",
  low: "Low priority",
};

export const channelLabels: Record<ContactChannel, string> = {
  email: "Email",
  phone: "Phone",
  sms: "SMS",
  post: "Post",
};

export const emailKindLabels: Record<EmailKind, string> = {
  business: "Business",
  alternate: "Alternate",
  personal: "Personal",
};

export const phoneKindLabels: Record<PhoneKind, string> = {
  office: "Office",
  mobile: "Mobile",
  home: "Home",
  fax: "Fax",
  pager: "Pager",
  other: "Other",
};

export const addressKindLabels: Record<AddressKind, string> = {
  mailing: "Mailing",
  site: "Site",
  home: "Home",
};

export const siteRoleLabels: Record<SiteRole, string> = {
  site_manager: "Site manager",
  billing: "Billing",
  operations: "Operations",
  emergency: "Emergency",
  liaison: "Liaison",
  other: "Other",
};
