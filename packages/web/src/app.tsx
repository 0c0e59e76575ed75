import { Redirect, Route, Switch, useLocation } from "wouter";
import { useMe } from "./api/queries.ts";
import { Layout } from "./components/layout.tsx";
import { StatusMessage } from "./components/status.tsx";
import { lazyPage, PageErrorBoundary } from "./components/lazy-page.tsx";
import { Suspense } from "react";
import { HomePage } from "./pages/home-page.tsx";
import { LearnPage } from "./pages/learn/learn-page.tsx";
import { MapPage } from "./pages/learn/map-page.tsx";
import { PlacementPage } from "./pages/learn/placement-page.tsx";
import { PlanPage } from "./pages/learn/plan-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { ProfilePage } from "./pages/profile-page.tsx";
import { PreferencesProvider } from "./components/preferences.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";

// Staff and family pages load on demand: a learner's first visit carries none of them.
const ClassPage = lazyPage(() => import("./pages/teacher/class-page.tsx"), (m) => m.ClassPage);
const LearnerPage = lazyPage(() => import("./pages/teacher/learner-page.tsx"), (m) => m.LearnerPage);
const WeeklyReportPage = lazyPage(() => import("./pages/guardian/weekly-report-page.tsx"), (m) => m.WeeklyReportPage);
const AdminAuditPage = lazyPage(() => import("./pages/admin/audit-page.tsx"), (m) => m.AdminAuditPage);
const AdminClassesPage = lazyPage(() => import("./pages/admin/classes-page.tsx"), (m) => m.AdminClassesPage);
const AdminUserPage = lazyPage(() => import("./pages/admin/user-page.tsx"), (m) => m.AdminUserPage);
const AdminUsersPage = lazyPage(() => import("./pages/admin/users-page.tsx"), (m) => m.AdminUsersPage);

export function App() {
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <StatusMessage kind="loading">Loading Attune…</StatusMessage>;
  if (me.isError) return <StatusMessage kind="error">Attune could not be reached. Check your connection and reload.</StatusMessage>;
  if (!me.data) {
    return (
      <Switch>
        <Route path="/sign-in" component={SignInPage} />
        <Route>
          <Redirect to="/sign-in" />
        </Route>
      </Switch>
    );
  }
  const user = me.data;
  return (
    <PreferencesProvider>
    <Layout me={user}>
      <PageErrorBoundary resetKey={location}>
      <Suspense fallback={<StatusMessage kind="loading">Loading…</StatusMessage>}>
      <Switch>
        <Route path="/">{() => <HomePage me={user} />}</Route>
        <Route path="/sign-in">
          <Redirect to="/" />
        </Route>
        <Route path="/profile" component={ProfilePage} />
        {(user.role === "teacher" || user.role === "admin") && <Route path="/classes/:classId/learners/:learnerId">{(p) => <LearnerPage classId={p.classId} learnerId={p.learnerId} />}</Route>}
        {(user.role === "teacher" || user.role === "admin") && <Route path="/classes/:classId/:tab?">{(p) => <ClassPage classId={p.classId} tab={p.tab} me={user} />}</Route>}
        {user.role === "guardian" && <Route path="/learners/:learnerId/report">{(p) => <WeeklyReportPage learnerId={p.learnerId} me={user} />}</Route>}
        {user.role === "learner" && <Route path="/learn/:courseId">{(p) => <LearnPage courseId={p.courseId} />}</Route>}
        {user.role === "learner" && <Route path="/learn/:courseId/map">{(p) => <MapPage courseId={p.courseId} />}</Route>}
        {user.role === "learner" && <Route path="/learn/:courseId/plan">{(p) => <PlanPage courseId={p.courseId} />}</Route>}
        {user.role === "learner" && <Route path="/learn/:courseId/placement">{(p) => <PlacementPage courseId={p.courseId} />}</Route>}
        {user.role === "admin" && <Route path="/admin/users" component={AdminUsersPage} />}
        {user.role === "admin" && <Route path="/admin/users/:userId">{(p) => <AdminUserPage userId={p.userId} />}</Route>}
        {user.role === "admin" && <Route path="/admin/classes" component={AdminClassesPage} />}
        {user.role === "admin" && <Route path="/admin/audit" component={AdminAuditPage} />}
        <Route component={NotFoundPage} />
      </Switch>
      </Suspense>
      </PageErrorBoundary>
    </Layout>
    </PreferencesProvider>
  );
}
