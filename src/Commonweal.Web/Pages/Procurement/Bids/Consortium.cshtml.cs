using System.Globalization;
using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>
/// Bidding alone or as a consortium: the lead's role and share, and each other member found by its
/// identifier (or exact name, for groups without one), with its role and share of the work.
/// </summary>
public sealed class ConsortiumModel(CommonwealDbContext db, SealedBids bids, BidEditing editing) : BidPageModel(db, bids)
{
    public const int MemberRows = 4;

    public sealed class MemberRow
    {
        public string? Organisation { get; set; }
        public string? Role { get; set; }
        public string? Share { get; set; }
    }

    [BindProperty]
    public string? LeadRole { get; set; }

    [BindProperty]
    public string? LeadShare { get; set; }

    [BindProperty]
    public List<MemberRow> Members { get; set; } = [];

    public string LeadName => Bid.LeadOrganisation?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        var lead = Bid.Members.First(m => m.IsLead);
        LeadRole = Bid.IsConsortium ? lead.Role : "";
        LeadShare = Bid.IsConsortium ? lead.SharePercent.ToString("0.##", CultureInfo.InvariantCulture) : "";
        Members = [.. Bid.Members.Where(m => !m.IsLead).OrderByDescending(m => m.SharePercent).Select(m => new MemberRow
        {
            Organisation = m.Organisation?.Identifier ?? m.Organisation?.Name, Role = m.Role, Share = m.SharePercent.ToString("0.##", CultureInfo.InvariantCulture),
        })];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        var rows = Members.Select((m, i) => (Row: m, Index: i)).Where(r => !string.IsNullOrWhiteSpace(r.Row.Organisation) || !string.IsNullOrWhiteSpace(r.Row.Role) || !string.IsNullOrWhiteSpace(r.Row.Share)).ToList();
        var draft = BidDraft.From(Bid, View.Content!);
        draft.Consortium = [];
        // Where each consortium entry came from, to put an error against the field it is about.
        var fieldFor = new Dictionary<int, string> { [0] = "Lead" };
        if (rows.Count > 0)
        {
            draft.Consortium.Add(new ConsortiumMemberInput { OrganisationId = Bid.LeadOrganisationId, Role = LeadRole, SharePercent = Share(LeadShare, nameof(LeadShare)) });
            foreach (var (row, index) in rows)
            {
                var organisationId = await FindAsync(row.Organisation);
                if (organisationId is null)
                {
                    ModelState.AddModelError($"Members[{index}].Organisation", string.IsNullOrWhiteSpace(row.Organisation)
                        ? "Enter the organisation's identifier or name"
                        : "No organisation has that identifier or name: enter one like GB-CHC-1190002");
                }

                fieldFor[draft.Consortium.Count] = $"Members[{index}]";
                draft.Consortium.Add(new ConsortiumMemberInput { OrganisationId = organisationId ?? Guid.Empty, Role = row.Role, SharePercent = Share(row.Share, $"Members[{index}].Share") });
            }
        }

        if (ModelState.IsValid)
        {
            var outcome = await editing.UpdateAsync(id, draft, User.BidViewer(), HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                TempData["Banner"] = rows.Count > 0 ? "The consortium has been saved." : "You are bidding alone.";
                return Redirect($"/bids/{id}");
            }

            AddErrors(outcome, f => FieldOf(f, fieldFor));
        }

        Pad();
        return Page();
    }

    /// <summary>consortium[2].sharePercent (or Consortium[2].SharePercent) becomes the share field of the row it came from.</summary>
    private static string FieldOf(string field, Dictionary<int, string> fieldFor)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^[Cc]onsortium\[(\d+)\]\.(\w+)$");
        if (!match.Success)
        {
            return field.Equals("Consortium", StringComparison.OrdinalIgnoreCase) ? "" : field;
        }

        var row = fieldFor[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)];
        var property = match.Groups[2].Value.ToLowerInvariant() switch { "sharepercent" => "Share", "role" => "Role", _ => "Organisation" };
        return row == "Lead" ? (property == "Share" ? nameof(LeadShare) : nameof(LeadRole)) : $"{row}.{property}";
    }

    private decimal? Share(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var share))
        {
            return share;
        }

        ModelState.AddModelError(field, "Enter the share of the work as a number, like 25");
        return null;
    }

    private async Task<Guid?> FindAsync(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var upper = value.ToUpperInvariant();
        return await Db.Organisations.Where(o => o.Identifier == upper).Select(o => (Guid?)o.Id).FirstOrDefaultAsync()
            ?? await Db.Organisations.Where(o => o.Name == value).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
    }

    private void Pad()
    {
        while (Members.Count < MemberRows)
        {
            Members.Add(new MemberRow());
        }
    }
}
