using Commonweal.Data;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;

namespace Commonweal.Web.Procurement;

/// <summary>One line of a bid's evidence checklist: an organisation's evidence of one kind and how it stands at the deadline.</summary>
public sealed record EvidenceLine(string Organisation, EvidenceKind Kind, EvidenceState State, DateOnly? Date, int Documents);

public static class BidChecklist
{
    /// <summary>
    /// What the bid relies on from each member's passport: as recorded when it was submitted, or for
    /// a draft, as the passports stand now, judged at the submission deadline.
    /// </summary>
    public static async Task<IReadOnlyList<EvidenceLine>> BuildAsync(CommonwealDbContext db, Bid bid, Opportunity o)
    {
        var names = bid.Members.ToDictionary(m => m.OrganisationId, m => m.Organisation?.Name ?? "");
        if (bid.Status != BidStatus.Draft && bid.Evidence.Count > 0)
        {
            return [.. bid.Evidence.OrderBy(e => e.OrganisationId != bid.LeadOrganisationId).ThenBy(e => names.GetValueOrDefault(e.OrganisationId)).ThenBy(e => e.Kind)
                .Select(e => new EvidenceLine(names.GetValueOrDefault(e.OrganisationId) ?? "", e.Kind, e.StateAtDeadline, e.Date, e.Documents.Count))];
        }

        var lines = new List<EvidenceLine>();
        var kinds = ParticipationCheck.EvidenceKinds(o);
        foreach (var member in bid.Members.OrderByDescending(m => m.IsLead).ThenBy(m => m.Organisation?.Name))
        {
            var status = await PassportStatus.LoadAsync(db, member.OrganisationId, o.SubmissionDeadline);
            lines.AddRange(kinds.Select(k => status[k]).Select(k => new EvidenceLine(
                names[member.OrganisationId], k.Kind, k.State, k.Date, k.Items.Where(i => i.Current).Sum(i => i.Evidence.Attachments.Count))));
        }

        return lines;
    }
}
