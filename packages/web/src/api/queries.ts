import type {
  AuditEvent,
  ClassDetail,
  ClassSummary,
  CourseSummary,
  ItemView,
  LessonView,
  LinkedLearner,
  MasteryList,
  Me,
  NextActivity,
  UserDetail,
  UserSummary,
} from "@attune/contract";

export type { SkillMastery } from "@attune/contract";
import { useQuery } from "@tanstack/react-query";
import { ApiError, get } from "./client.ts";

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await get<Me>("/api/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export const useClasses = () => useQuery({ queryKey: ["classes"], queryFn: () => get<{ items: ClassSummary[] }>("/api/classes") });

export const useClass = (classId: string) =>
  useQuery({ queryKey: ["classes", classId], queryFn: () => get<ClassDetail>(`/api/classes/${encodeURIComponent(classId)}`) });

export const useLinkedLearners = () =>
  useQuery({ queryKey: ["guardian-learners"], queryFn: () => get<{ items: LinkedLearner[] }>("/api/guardian/learners") });

export function useUsers(params: { role?: string; q?: string; page: number; pageSize?: number }) {
  const search = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize ?? 25) });
  if (params.role) search.set("role", params.role);
  if (params.q) search.set("q", params.q);
  return useQuery({ queryKey: ["users", params], queryFn: () => get<Page<UserSummary>>(`/api/users?${search}`) });
}

export const useUser = (userId: string) =>
  useQuery({ queryKey: ["users", userId], queryFn: () => get<UserDetail>(`/api/users/${encodeURIComponent(userId)}`) });

export const useAuditEvents = (page: number) =>
  useQuery({ queryKey: ["audit", page], queryFn: () => get<Page<AuditEvent>>(`/api/audit-events?page=${page}&pageSize=50`) });

export const useCourses = () => useQuery({ queryKey: ["courses"], queryFn: () => get<{ items: CourseSummary[] }>("/api/courses"), staleTime: 300_000 });


export const useNextActivity = (courseId: string) =>
  useQuery({ queryKey: ["next", courseId], queryFn: () => get<NextActivity>(`/api/courses/${encodeURIComponent(courseId)}/next`), staleTime: 0 });

export type ItemViewData = ItemView;
export const useItem = (courseId: string, itemId: string) =>
  useQuery({ queryKey: ["item", courseId, itemId], queryFn: () => get<ItemViewData>(`/api/courses/${encodeURIComponent(courseId)}/items/${encodeURIComponent(itemId)}`), staleTime: Infinity });

export const useLesson = (courseId: string, lessonId: string) =>
  useQuery({ queryKey: ["lesson", courseId, lessonId], queryFn: () => get<LessonView>(`/api/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}`), staleTime: Infinity });

export const useMastery = (courseId: string) =>
  useQuery({ queryKey: ["mastery", courseId], queryFn: () => get<MasteryList>(`/api/courses/${encodeURIComponent(courseId)}/mastery`) });
