import type { ColumnType, Generated } from "kysely";

/**
 * The database as Kysely sees it. Our own tables store timestamps as ISO-8601 UTC text and flags as 0/1
 * integers on both SQLite and PostgreSQL, so rows read the same from either driver. The better-auth tables
 * (users, sessions, accounts, verifications) use the column types better-auth's adapter expects per dialect.
 */
export type Role = "admin" | "teacher" | "learner" | "guardian";

export interface SchoolsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: ColumnType<boolean | number, boolean | number, boolean | number>;
  image: string | null;
  created_at: ColumnType<Date | string, Date | string, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
  role: Role;
  school_id: string;
  /** 1 active, 0 deactivated (cannot sign in; data kept). */
  active: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: ColumnType<Date | string, Date | string, Date | string>;
  ip_address: string | null;
  user_agent: string | null;
  created_at: ColumnType<Date | string, Date | string, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
}

export interface AccountsTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: ColumnType<Date | string | null, Date | string | null, Date | string | null>;
  refresh_token_expires_at: ColumnType<Date | string | null, Date | string | null, Date | string | null>;
  scope: string | null;
  password: string | null;
  created_at: ColumnType<Date | string, Date | string, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: ColumnType<Date | string, Date | string, Date | string>;
  created_at: ColumnType<Date | string, Date | string, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
}

export interface ClassesTable {
  id: string;
  school_id: string;
  name: string;
  subject: string | null;
  created_at: string;
  archived_at: string | null;
  /** The course the class follows (null until an admin chooses one). */
  course_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClassTeachersTable {
  class_id: string;
  teacher_id: string;
  created_at: string;
}

export interface EnrolmentsTable {
  class_id: string;
  learner_id: string;
  created_at: string;
}

export interface GuardianLinksTable {
  guardian_id: string;
  learner_id: string;
  created_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  school_id: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  learner_id: string | null;
  target_type: string | null;
  target_id: string | null;
  /** JSON text: extra facts (ids, counts), never free-form personal data. */
  details: string | null;
}

export interface CoursesTable {
  id: string;
  title: string;
  description: string;
  language: string;
  level: string | null;
  license: string | null;
  /** JSON arrays/objects as text (see the migration for why). */
  authors: string;
  mastery_threshold: number;
  units: string;
  /** Where the course came from: "folder" or "oatutor". */
  source: string;
  content_hash: string;
  imported_at: string;
  archived_at: string | null;
}

type ContentRow = { course_id: string; id: string; position: number; archived_at: string | null };

export interface SkillsTable extends ContentRow {
  name: string;
  description: string | null;
  prerequisites: string;
  tags: string;
  mastery_threshold: number | null;
  bkt: string | null;
}

export interface LessonsTable extends ContentRow {
  title: string;
  skills: string;
  minutes: number;
  body: string;
  variants: string;
}

export interface ItemsTable extends ContentRow {
  type: string;
  skills: string;
  template_id: string | null;
  difficulty: number | null;
  /** The whole item as the content package models it (prompt, answer, hints, solution...). */
  spec: string;
}

export interface ProjectsTable extends ContentRow {
  title: string;
  skills: string;
  spec: string;
}

export interface AttemptsTable {
  learner_id: string;
  /** Client-generated (UUID): a retried request finds its attempt and changes nothing. */
  id: string;
  school_id: string;
  course_id: string;
  item_id: string;
  skill_ids: string;
  correct: number;
  /** JSON: what the learner answered, and what the checker said. */
  response: string;
  result: string;
  hints_used: number;
  duration_ms: number | null;
  /** practice | placement | review | lesson */
  context: string;
  answered_at: string;
}

export interface FittedModelsTable {
  course_id: string;
  model: string;
  /** The tracer's versioned JSON (`KnowledgeTracer.serialize`). */
  params: string;
  attempts_used: number;
  learners_used: number;
  fitted_at: string;
}

export interface LearnerSkillStatesTable {
  learner_id: string;
  course_id: string;
  skill_id: string;
  school_id: string;
  /** P(skill known) after the latest evidence. */
  p_known: number;
  attempts: number;
  correct: number;
  hints_used: number;
  /** JSON: outcomes of the last attempts, oldest first (at most 5). */
  recent: string;
  last_practiced_at: string | null;
  /** Set while the skill counts as mastered; cleared when mastery is lost. */
  mastered_at: string | null;
  /** JSON: the FSRS card of a mastered skill. */
  memory: string | null;
  review_due_at: string | null;
  updated_at: string;
}

export interface LessonViewsTable {
  id: string;
  learner_id: string;
  school_id: string;
  course_id: string;
  lesson_id: string;
  /** text | worked-example | video | audio | interactive */
  variant: string;
  /** Visible time on the lesson (not background tabs). */
  seconds: number;
  viewed_at: string;
}

export interface ActivityChoicesTable {
  id: string;
  learner_id: string;
  school_id: string;
  course_id: string;
  /** JSON activities: what the engine recommended and what the learner picked instead. */
  recommended: string;
  chosen: string;
  chosen_at: string;
}

export interface PlacementsTable {
  learner_id: string;
  course_id: string;
  school_id: string;
  /** in-progress | paused | finished */
  status: string;
  /** JSON: the engine's placement state (a plain value, so a test can pause and resume). */
  state: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface GoalsTable {
  id: string;
  learner_id: string;
  school_id: string;
  course_id: string;
  title: string;
  skill_ids: string;
  unit_id: string | null;
  target_date: string;
  minutes_per_week: number;
  set_by: string;
  created_at: string;
  archived_at: string | null;
}

export interface ProfilesTable {
  user_id: string;
  school_id: string;
  /** JSON: the contract's Preferences. */
  preferences: string;
  updated_at: string;
}

export interface LearnerGroupsTable {
  id: string;
  school_id: string;
  class_id: string;
  name: string;
  /** JSON: the skills the group works on together. */
  skill_ids: string;
  reason: string;
  created_by: string;
  created_at: string;
  archived_at: string | null;
}

export interface LearnerGroupMembersTable {
  group_id: string;
  learner_id: string;
}

export interface AssignmentsTable {
  id: string;
  school_id: string;
  class_id: string;
  course_id: string;
  title: string;
  /** JSON string arrays; an assignment names skills, a lesson or items (or a mix). */
  skill_ids: string;
  lesson_id: string | null;
  item_ids: string;
  /** class | group | learners — who it was given to; the recipients table lists them. */
  audience: string;
  group_id: string | null;
  due_at: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  archived_at: string | null;
}

export interface AssignmentRecipientsTable {
  assignment_id: string;
  learner_id: string;
}

export interface MasteryOverridesTable {
  id: string;
  school_id: string;
  learner_id: string;
  course_id: string;
  skill_id: string;
  /** mark-mastered | reset */
  action: string;
  reason: string;
  /** JSON: the learner_skill_states row before the override (null when there was none), for undo. */
  state_before: string | null;
  created_by: string;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface AlertDismissalsTable {
  school_id: string;
  learner_id: string;
  alert_key: string;
  note: string | null;
  dismissed_by: string;
  dismissed_at: string;
}

export interface LearnerNotesTable {
  id: string;
  school_id: string;
  learner_id: string;
  author_id: string;
  body: string;
  shared_with_family: number;
  created_at: string;
}

export interface CheckInsTable {
  id: string;
  school_id: string;
  learner_id: string;
  mentor_id: string;
  scheduled_at: string;
  /** JSON string array: the shared agenda. */
  agenda: string;
  notes: string | null;
  /** JSON string array: agreed next steps, shown in the learner's plan. */
  next_steps: string;
  /** scheduled | done | cancelled */
  status: string;
  created_at: string;
  completed_at: string | null;
}

export interface Database {
  schools: SchoolsTable;
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  classes: ClassesTable;
  class_teachers: ClassTeachersTable;
  enrolments: EnrolmentsTable;
  guardian_links: GuardianLinksTable;
  audit_events: AuditEventsTable;
  courses: CoursesTable;
  skills: SkillsTable;
  lessons: LessonsTable;
  items: ItemsTable;
  projects: ProjectsTable;
  attempts: AttemptsTable;
  fitted_models: FittedModelsTable;
  learner_skill_states: LearnerSkillStatesTable;
  lesson_views: LessonViewsTable;
  activity_choices: ActivityChoicesTable;
  placements: PlacementsTable;
  goals: GoalsTable;
  profiles: ProfilesTable;
  learner_groups: LearnerGroupsTable;
  learner_group_members: LearnerGroupMembersTable;
  assignments: AssignmentsTable;
  assignment_recipients: AssignmentRecipientsTable;
  mastery_overrides: MasteryOverridesTable;
  alert_dismissals: AlertDismissalsTable;
  learner_notes: LearnerNotesTable;
  check_ins: CheckInsTable;
}
