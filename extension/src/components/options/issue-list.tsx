/** Props of a list of problems with a form. */
export interface IssueListProps {
  issues: readonly string[];
  testId: string;
}

/** What is wrong with a form, announced to screen readers as it appears; nothing when all is well. */
export function IssueList({ issues, testId }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" role="alert" data-testid={testId}>
      {issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}
