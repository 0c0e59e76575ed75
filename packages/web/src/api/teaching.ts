import type {
  Alert,
  Assignment,
  CheckIn,
  ClassMastery,
  ClassOverview,
  Group,
  GroupListSchema,
  GuardianProgress,
  ItemAnalysisSchema,
  LearnerDetail,
  NoteSchema,
  OverrideSchema,
  SchoolReportSchema,
} from "@attune/contract";
import { useQuery } from "@tanstack/react-query";
import { get } from "./client.ts";

/** The response type of a contract schema, without bundling zod (types only). */
type Output<S extends { _zod: { output: unknown } }> = S["_zod"]["output"];

export type { Alert, Assignment, CheckIn, ClassMastery, ClassOverview, Group, GuardianProgress, LearnerDetail };
export type AlertList = { items: Alert[]; dismissed: number };
export type GroupList = Output<typeof GroupListSchema>;
export type ItemAnalysis = Output<typeof ItemAnalysisSchema>;
export type Note = Output<typeof NoteSchema>;
export type Override = Output<typeof OverrideSchema>;
export type SchoolReport = Output<typeof SchoolReportSchema>;

const enc = encodeURIComponent;
export const classPath = (classId: string) => `/api/classes/${enc(classId)}`;

export const useClassMastery = (classId: string) =>
  useQuery({ queryKey: ["class-mastery", classId], queryFn: () => get<ClassMastery>(`${classPath(classId)}/mastery`) });

export const useClassOverview = (classId: string) =>
  useQuery({ queryKey: ["class-overview", classId], queryFn: () => get<ClassOverview>(`${classPath(classId)}/overview`) });

export const useClassAlerts = (classId: string) =>
  useQuery({ queryKey: ["class-alerts", classId], queryFn: () => get<AlertList>(`${classPath(classId)}/alerts`) });

export const useSavedGroups = (classId: string) =>
  useQuery({ queryKey: ["class-groups", classId], queryFn: () => get<GroupList>(`${classPath(classId)}/groups`) });

export const useAssignments = (classId: string) =>
  useQuery({ queryKey: ["class-assignments", classId], queryFn: () => get<{ items: Assignment[] }>(`${classPath(classId)}/assignments`) });

export const useItemAnalysis = (classId: string) =>
  useQuery({ queryKey: ["item-analysis", classId], queryFn: () => get<ItemAnalysis>(`${classPath(classId)}/item-analysis`) });

export const useLearnerDetail = (classId: string, learnerId: string) =>
  useQuery({ queryKey: ["learner-detail", classId, learnerId], queryFn: () => get<LearnerDetail>(`${classPath(classId)}/learners/${enc(learnerId)}`) });

export const useGuardianProgress = (learnerId: string) =>
  useQuery({ queryKey: ["guardian-progress", learnerId], queryFn: () => get<GuardianProgress>(`/api/guardian/learners/${enc(learnerId)}/progress`) });

export const useSchoolReport = () => useQuery({ queryKey: ["school-report"], queryFn: () => get<SchoolReport>("/api/school/report") });
