namespace Commonweal.Procurement.Bids;

/// <summary>
/// The outcome of a bid or clarification action: success, or a refusal with a stable code (for
/// clients and tests), a message in plain English and, when one field is at fault, its JSON path.
/// </summary>
public sealed record BidResult(string? ErrorCode, string? Message, string? Field = null)
{
    public bool Succeeded => ErrorCode is null;

    public static BidResult Ok { get; } = new(null, null);

    public static BidResult Fail(string code, string message, string? field = null) => new(code, message, field);
}

public static class BidErrors
{
    public const string SignInRequired = "bids.sign-in-required";
    public const string NotFound = "bids.not-found";
    public const string NotAllowed = "bids.not-allowed";
    public const string Sealed = "bids.sealed";
    public const string DeadlinePassed = "bids.deadline-passed";
    public const string NotOpen = "bids.not-open";
    public const string LiveBidExists = "bids.live-bid-exists";
    public const string WrongStatus = "bids.wrong-status";
    public const string Incomplete = "bids.incomplete";
    public const string Invalid = "bids.invalid";
    public const string ClarificationDeadlinePassed = "clarifications.deadline-passed";
    public const string AlreadyAnswered = "clarifications.already-answered";
    public const string DeclarationRequired = "evaluation.declaration-required";
    public const string ConflictOfInterest = "evaluation.conflict-of-interest";
}
