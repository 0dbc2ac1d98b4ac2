// Why a worksheet cannot be opened: every problem, each with the field it concerns.
import { formatProblem, type Problem } from '../../core/format/validate';

export function ProblemList({ title, problems }: { title: string; problems: readonly Problem[] }) {
  return (
    <div role="alert" className="problem-list">
      <p>{title}</p>
      {/* the validator words its problems in English (as the trace tool prints them), in every language */}
      <ul lang="en">
        {problems.map((p) => (
          <li key={formatProblem(p)}>{formatProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
