namespace Commonweal.Procurement.Evaluation;

/// <summary>
/// The outcome of an evaluation action: success, or a refusal with a stable code, a message in
/// plain English and, for bad input, a message per field named by its JSON path (<c>scores[1].score</c>).
/// </summary>
public sealed record EvaluationResult(string? ErrorCode, string? Message, IReadOnlyDictionary<string, string>? Errors = null)
{
    public bool Succeeded => ErrorCode is null;

    public static EvaluationResult Ok { get; } = new(null, null);

    public static EvaluationResult Fail(string code, string message) => new(code, message);

    public static EvaluationResult Invalid(IReadOnlyDictionary<string, string> errors) => new(EvaluationErrors.Invalid, "The request has errors", errors);
}

public static class EvaluationErrors
{
    public const string NotFound = "evaluation.not-found";
    public const string NotAllowed = "evaluation.not-allowed";
    public const string WrongState = "evaluation.wrong-state";
    public const string Invalid = "evaluation.invalid";
    public const string DeadlineNotReached = "evaluation.deadline-not-reached";
    public const string AlreadyDeclared = "evaluation.already-declared";
    public const string AlreadyAssigned = "evaluation.already-assigned";
    public const string Incomplete = "evaluation.incomplete";
    public const string NoBids = "evaluation.no-bids";
}

public sealed record DeclarationInput
{
    public Guid? OrganisationId { get; init; }
    public bool? HasInterest { get; init; }
    public string? Description { get; init; }
}

public sealed record ScoreInput
{
    public Guid? CriterionId { get; init; }
    public int? Score { get; init; }
    public string? Comment { get; init; }
}

public sealed record ConsensusInput
{
    public Guid? CriterionId { get; init; }
    public int? Score { get; init; }
    public string? Reason { get; init; }
}
