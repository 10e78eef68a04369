/** The JSON shapes the simulator serves (field names as in the real API). */
export interface Ref {
  url: string | null;
  object: "/meta/ref/detail" | "/meta/ref/list";
  ref_object: string;
}

export interface Person {
  id: string;
  object: "/core/people";
  url: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  personal_pronoun: string | null;
  title: string | null;
  status: string | null;
  type: string;
  employee_number: string | null;
  work_email: string | null;
  personal_email: string | null;
  work_phone: string | null;
  personal_phone: string | null;
  gender: string;
  date_of_birth: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  is_admin: boolean;
  is_full_admin: boolean;
  photo_url: string | null;
  photo_thumbnail_url: string | null;
  social_security_number: string | null;
  federal_filing_status: string | null;
  company: Ref;
  department: Ref;
  location: Ref;
  manager: Ref;
  subordinates: Ref;
  employments: Ref;
  banks: Ref;
  custom_field_values: Ref;
  labor_groups: Ref;
}

export interface Department {
  id: string;
  object: "/core/departments";
  url: string;
  name: string;
  company: Ref;
  people: Ref;
  labor_group: Ref;
}

export interface Location {
  id: string;
  object: "/core/locations";
  url: string;
  name: string;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  zip: string;
  country: string;
  phone: string | null;
  company: Ref;
  people: Ref;
  labor_group: Ref;
}

export interface Company {
  id: string;
  object: "/core/companies";
  url: string;
  name: string;
  legal_name: string;
  ein: string;
  legal_street1: string;
  legal_street2: string | null;
  legal_city: string;
  legal_state: string;
  legal_zip: string;
  logo_url: string | null;
  people: Ref;
  departments: Ref;
  locations: Ref;
  company_banks: Ref;
}

export interface Employment {
  id: string;
  object: "/core/employments";
  url: string;
  person: Ref;
  hire_date: string;
  termination_date: string | null;
  termination_type: string | null;
  employment_type: string;
  employment_sub_type: string | null;
  comp_type: string;
  amount_type: string | null;
  annual_salary: string | null;
  pay_rate: string | null;
  working_hours_per_week: string;
  is_active: boolean;
  is_flsa_exempt: string;
}

export interface CustomField {
  id: string;
  object: "/core/custom_fields";
  url: string;
  name: string;
  custom_field_type: string;
  help_text: string;
  help_url: string | null;
  help_url_media: string | null;
  media_file_type: string | null;
  is_sensitive: boolean;
  is_field_required: boolean;
  can_manager_view_field: boolean;
  can_person_view_field: boolean;
  can_person_edit_field: boolean;
  company_during_hiring: boolean;
  person_during_onboarding: boolean;
  is_field_completer_person: boolean;
  company: Ref;
  custom_field_values: Ref;
}

export interface CustomFieldValue {
  id: string;
  object: "/core/custom_field_values";
  url: string;
  value: string | boolean | null;
  custom_field: Ref;
  person: Ref;
}

export interface Me {
  object: "/core/me";
  url: string;
  company: Ref | null;
  person: Ref | null;
  scopes: string[];
  expires: string | null;
  uninstalled: boolean;
}
