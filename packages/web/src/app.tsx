import { Redirect, Route, Switch } from "wouter";
import { useMe } from "./api/queries.ts";
import { Layout } from "./components/layout.tsx";
import { StatusMessage } from "./components/status.tsx";
import { AdminAuditPage } from "./pages/admin/audit-page.tsx";
import { AdminClassesPage } from "./pages/admin/classes-page.tsx";
import { AdminUserPage } from "./pages/admin/user-page.tsx";
import { AdminUsersPage } from "./pages/admin/users-page.tsx";
import { ClassPage } from "./pages/class-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { LearnPage } from "./pages/learn/learn-page.tsx";
import { MapPage } from "./pages/learn/map-page.tsx";
import { PlacementPage } from "./pages/learn/placement-page.tsx";
import { PlanPage } from "./pages/learn/plan-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { ProfilePage } from "./pages/profile-page.tsx";
import { PreferencesProvider } from "./components/preferences.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";

export function App() {
  const me = useMe();
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
      <Switch>
        <Route path="/">{() => <HomePage me={user} />}</Route>
        <Route path="/sign-in">
          <Redirect to="/" />
        </Route>
        <Route path="/profile" component={ProfilePage} />
        {(user.role === "teacher" || user.role === "admin") && <Route path="/classes/:classId">{(p) => <ClassPage classId={p.classId} me={user} />}</Route>}
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
    </Layout>
    </PreferencesProvider>
  );
}
