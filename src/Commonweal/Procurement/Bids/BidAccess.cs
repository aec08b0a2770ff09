using Commonweal.Accounts;

namespace Commonweal.Procurement.Bids;

/// <summary>Whether someone may do something with a bid, and if not, why: the reason is shown to them.</summary>
public sealed record BidAccessResult(bool Allowed, string? Code, string Reason)
{
    public static BidAccessResult Allow(string reason) => new(true, null, reason);

    public static BidAccessResult Deny(string code, string reason) => new(false, code, reason);
}

/// <summary>
/// The sealed-bid rules, in one place; every page and API endpoint asks here (through
/// <see cref="SealedBids"/> and <see cref="BidEditing"/>) and nowhere else. Deny by default:
/// <list type="bullet">
/// <item>Admins of the lead organisation create, change, submit and withdraw the bid, until the submission deadline.</item>
/// <item>Admins of the lead and of the consortium's other members read it, at any time.</item>
/// <item>Commissioners of the opportunity read submitted bids only once the submission deadline has
/// passed; before it they learn only how many have been submitted, not who made them. Drafts and
/// withdrawn bids they never see.</item>
/// <item>Nobody else reads a bid: not platform admins, not evaluators (evaluation will add its own
/// rule), not other providers, not the public.</item>
/// </list>
/// </summary>
public static class BidAccess
{
    public static BidAccessResult Read(Bid bid, Opportunity o, BidViewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to see bids.");
        }

        if (bid.Members.Any(m => viewer.HasRoleIn(m.OrganisationId, MembershipRole.Admin)) || viewer.HasRoleIn(bid.LeadOrganisationId, MembershipRole.Admin))
        {
            return BidAccessResult.Allow("Your organisation's bid.");
        }

        if (viewer.CommissionsFor(o))
        {
            if (now < o.SubmissionDeadline)
            {
                return BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o));
            }

            return bid.Status == BidStatus.Submitted
                ? BidAccessResult.Allow("The submission deadline has passed: commissioners of the opportunity read submitted bids.")
                : BidAccessResult.Deny(BidErrors.NotAllowed, "Only submitted bids are opened.");
        }

        return now < o.SubmissionDeadline
            ? BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o))
            : BidAccessResult.Deny(BidErrors.NotAllowed, "Only the bidding organisations and the opportunity's commissioners can see a bid.");
    }

    /// <summary>Creating, changing, submitting, withdrawing: the lead organisation's admins, while bids are open.</summary>
    public static BidAccessResult Change(Guid leadOrganisationId, Opportunity o, BidViewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to bid.");
        }

        if (!viewer.HasRoleIn(leadOrganisationId, MembershipRole.Admin))
        {
            return BidAccessResult.Deny(BidErrors.NotAllowed, "Only admins of the lead organisation can make or change its bid.");
        }

        if (now >= o.SubmissionDeadline)
        {
            return BidAccessResult.Deny(BidErrors.DeadlinePassed, DeadlinePassedMessage(o));
        }

        if (o.Status != OpportunityStatus.Published)
        {
            return BidAccessResult.Deny(BidErrors.NotOpen, $"This opportunity is not open for bids: it is {ProcurementLabels.DisplayName(o.Status).ToLowerInvariant()}.");
        }

        return BidAccessResult.Allow("An admin of the lead organisation, before the deadline.");
    }

    /// <summary>Listing an opportunity's bids (who bid, for which lot, at what price): its commissioners, after the deadline.</summary>
    public static BidAccessResult List(Opportunity o, BidViewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to see bids.");
        }

        if (now < o.SubmissionDeadline)
        {
            return BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o));
        }

        return viewer.CommissionsFor(o)
            ? BidAccessResult.Allow("The submission deadline has passed.")
            : BidAccessResult.Deny(BidErrors.NotAllowed, "Only the opportunity's commissioners can see its bids.");
    }

    /// <summary>How many bids have been submitted, and nothing more: the opportunity's commissioners, at any time.</summary>
    public static bool CanCount(Opportunity o, BidViewer viewer) => viewer.IsSignedIn && viewer.CommissionsFor(o);

    public static string Deadline(Opportunity o) =>
        Timetable.UkLocal(o.SubmissionDeadline).ToString("HH:mm 'on' d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string DeadlinePassedMessage(Opportunity o) => $"The deadline for bids was {Deadline(o)}.";

    public static string SealedMessage(Opportunity o) => $"Bids are sealed until the submission deadline, {Deadline(o)}.";
}
