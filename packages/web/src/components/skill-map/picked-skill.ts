import type { ActivityView, MasteryList } from "@attune/contract";
import { useQuery } from "@tanstack/react-query";
import { useSearch } from "wouter";
import { get } from "../../api/client.ts";

/**
 * The activity a learner picked on their map: "Practise this" links to `/learn/:courseId?skill=<id>`, and the map
 * data carries each open skill's starting activity (`practice`: its unseen lesson, else an item fitted to the
 * learner). The map data is already cached when the learner comes from the map; it is only fetched when a skill
 * was picked. `activity` is null without a pick, while loading, or when the skill is locked.
 */
export function usePickedSkill(courseId: string): { skillId: string | null; activity: ActivityView | null } {
  const skillId = new URLSearchParams(useSearch()).get("skill");
  const mastery = useQuery({
    queryKey: ["mastery", courseId],
    queryFn: () => get<MasteryList>(`/api/courses/${encodeURIComponent(courseId)}/mastery`),
    enabled: skillId !== null,
  });
  const activity = skillId ? (mastery.data?.skills.find((s) => s.skillId === skillId)?.practice ?? null) : null;
  return { skillId, activity };
}
