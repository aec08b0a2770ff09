using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement;

/// <summary>What a provider filters published opportunities by.</summary>
public sealed record OpportunityFilter
{
    public OpportunityType? Type { get; init; }
    public long? MinValue { get; init; }
    public long? MaxValue { get; init; }
    public string? Outcode { get; init; }

    /// <summary>A need; a broad need also matches the specific needs under it.</summary>
    public Guid? Need { get; init; }

    public bool SuitableForSmallOrganisations { get; init; }

    /// <summary>Open for bids only, unless closed and later stages are asked for too.</summary>
    public bool IncludeClosed { get; init; }
}

/// <summary>Finding published opportunities: drafts are never found here.</summary>
public static class OpportunitySearch
{
    public static async Task<(IReadOnlyList<Opportunity> Items, int Total)> SearchAsync(
        CommonwealDbContext db, OpportunityFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Opportunities.AsNoTracking().Where(o => o.PublishedAt != null);
        query = filter.IncludeClosed ? query : query.Where(o => o.Status == OpportunityStatus.Published);
        if (filter.Type is { } type)
        {
            query = query.Where(o => o.Type == type);
        }

        if (filter.MinValue is { } min)
        {
            query = query.Where(o => o.TotalValue >= min);
        }

        if (filter.MaxValue is { } max)
        {
            query = query.Where(o => o.TotalValue <= max);
        }

        if (!string.IsNullOrWhiteSpace(filter.Outcode))
        {
            var outcode = OpportunityDraft.NormaliseOutcode(filter.Outcode);
            query = query.Where(o => o.Areas.Any(a => a.Outcode == outcode));
        }

        if (filter.Need is { } need)
        {
            var needs = await db.TaxonomyTerms.Where(t => t.ParentId == need).Select(t => t.Id).ToListAsync(cancellationToken);
            needs.Add(need);
            query = query.Where(o => o.Needs.Any(n => needs.Contains(n.TaxonomyTermId)));
        }

        if (filter.SuitableForSmallOrganisations)
        {
            query = query.Where(o => o.SuitableForSmallOrganisations);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(o => o.Status == OpportunityStatus.Published ? 0 : 1).ThenBy(o => o.SubmissionDeadline).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(o => o.Commissioners).ThenInclude(c => c.Organisation).Include(o => o.Lots).Include(o => o.Areas)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
