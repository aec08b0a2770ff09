namespace Commonweal.Referrals;

/// <summary>What can be done to a referral, and by whom: the receiving service works it; the referrer can cancel it.</summary>
public enum ReferralAction
{
    Accept,
    Decline,
    Start,
    Complete,
    DidNotAttend,
    Cancel,
}

/// <summary>
/// The referral's state machine: sent, then accepted or declined (with a reason), then in progress,
/// then completed, did not attend or cancelled. Closed referrals stay closed.
/// </summary>
public static class ReferralLifecycle
{
    public static ReferralStatus Target(ReferralAction action) => action switch
    {
        ReferralAction.Accept => ReferralStatus.Accepted,
        ReferralAction.Decline => ReferralStatus.Declined,
        ReferralAction.Start => ReferralStatus.InProgress,
        ReferralAction.Complete => ReferralStatus.Completed,
        ReferralAction.DidNotAttend => ReferralStatus.DidNotAttend,
        _ => ReferralStatus.Cancelled,
    };

    public static bool Allows(ReferralStatus from, ReferralAction action) => (from, action) switch
    {
        (ReferralStatus.Sent, ReferralAction.Accept or ReferralAction.Decline or ReferralAction.Cancel) => true,
        (ReferralStatus.Accepted, ReferralAction.Start or ReferralAction.Complete or ReferralAction.DidNotAttend or ReferralAction.Cancel) => true,
        (ReferralStatus.InProgress, ReferralAction.Complete or ReferralAction.DidNotAttend or ReferralAction.Cancel) => true,
        _ => false,
    };

    /// <summary>Declining and cancelling need a reason the other side can read.</summary>
    public static bool NeedsReason(ReferralAction action) => action is ReferralAction.Decline or ReferralAction.Cancel;

    /// <summary>Only the referrer cancels; everything else is the receiving service's to do.</summary>
    public static bool IsReferrers(ReferralAction action) => action == ReferralAction.Cancel;

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "Sent",
        ReferralStatus.Accepted => "Accepted",
        ReferralStatus.Declined => "Declined",
        ReferralStatus.InProgress => "In progress",
        ReferralStatus.Completed => "Completed",
        ReferralStatus.DidNotAttend => "Did not attend",
        _ => "Cancelled",
    };

    public static string Describe(ReferralAction action) => action switch
    {
        ReferralAction.Accept => "accept",
        ReferralAction.Decline => "decline",
        ReferralAction.Start => "start",
        ReferralAction.Complete => "complete",
        ReferralAction.DidNotAttend => "record as did not attend",
        _ => "cancel",
    };
}
