namespace Commonweal.Procurement;

/// <summary>
/// The outcome of a procurement action: success, or a refusal with a stable code (for clients and
/// tests) and a message in plain English (for people). Rules refused are not exceptions.
/// </summary>
public sealed record ProcurementResult(string? ErrorCode, string? Message, IReadOnlyList<FairnessFinding>? Findings = null)
{
    public bool Succeeded => ErrorCode is null;

    public static ProcurementResult Ok { get; } = new(null, null);

    public static ProcurementResult Fail(string code, string message, IReadOnlyList<FairnessFinding>? findings = null) => new(code, message, findings);
}

public static class ProcurementErrors
{
    public const string TransitionNotAllowed = "procurement.transition-not-allowed";
    public const string DeadlineNotReached = "procurement.deadline-not-reached";
    public const string StandstillNotOver = "procurement.standstill-not-over";
    public const string FairnessErrors = "procurement.fairness-errors";
    public const string ReasonRequired = "procurement.reason-required";
    public const string NotDraft = "procurement.not-draft";
    public const string TimetablePassed = "procurement.timetable-passed";
}
