using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Awards;

/// <summary>Reading awards for people: what an opportunity awarded, and every award in force.</summary>
public static class AwardQueries
{
    /// <summary>
    /// Awards in force: active, or pending on an opportunity the procurement clock has awarded at
    /// the end of its standstill. Imported past procurements included. Newest first.
    /// </summary>
    public static async Task<(IReadOnlyList<Award> Items, int Total)> InForceAsync(CommonwealDbContext db, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Awards.AsNoTracking().Where(a => a.Status == AwardStatus.Active
            || (a.Status == AwardStatus.Pending && a.Opportunity!.Status == OpportunityStatus.Awarded));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.ConfirmedAt ?? a.Date).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(a => a.Opportunity).ThenInclude(o => o!.Commissioners).ThenInclude(c => c.Organisation)
            .Include(a => a.Lot)
            .Include(a => a.Suppliers).ThenInclude(s => s.Organisation)
            .Include(a => a.Contracts)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>An opportunity's awards (cancelled ones too), with their suppliers and contracts.</summary>
    public static async Task<IReadOnlyList<Award>> ForOpportunityAsync(CommonwealDbContext db, Guid opportunityId, CancellationToken cancellationToken = default) =>
        await db.Awards.AsNoTracking().Where(a => a.OpportunityId == opportunityId)
            .Include(a => a.Lot).Include(a => a.Suppliers).ThenInclude(s => s.Organisation).Include(a => a.Contracts)
            .AsSplitQuery()
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Money in its own currency: £1,200 for pounds, else the ISO code (EUR 1,200.50).</summary>
    public static string Money(decimal? amount, string currency)
    {
        if (amount is not { } value)
        {
            return "Not published";
        }

        var format = value == decimal.Truncate(value) ? "N0" : "N2";
        var number = value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return currency == Award.Pounds ? "£" + number : $"{currency} {number}";
    }

    public static string DisplayName(AwardStatus status) => status switch
    {
        AwardStatus.Pending => "Intention to award (pending)",
        AwardStatus.Active => "Awarded",
        _ => "Cancelled",
    };

    public static string DisplayName(ContractStatus status) => status switch
    {
        ContractStatus.Pending => "Not yet signed",
        ContractStatus.Active => "Signed and in force",
        ContractStatus.Cancelled => "Cancelled",
        _ => "Ended",
    };
}
