using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Procurement.Awards;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Commissioning;

/// <summary>The outcome of a change: the saved record, or errors naming the fields at fault.</summary>
public sealed record CommissioningResult<T>(T? Value, ValidationResult Errors)
    where T : class
{
    public bool IsValid => Errors.IsValid;

    public static CommissioningResult<T> Ok(T value) => new(value, new ValidationResult());

    public static CommissioningResult<T> Invalid(string field, string message) => new(null, new ValidationResult([new ValidationFailure(field, message)]));

    public static CommissioningResult<T> Invalid(ValidationResult errors) => new(null, errors);
}

/// <summary>Records areas, needs, plans, budget lines and pooled funds; the caller has checked who may.</summary>
public sealed class CommissioningEditing(CommonwealDbContext db)
{
    public async Task<CommissioningResult<NeedsArea>> AddAreaAsync(AreaInput input, CancellationToken cancellationToken = default)
    {
        var errors = await new AreaValidator().ValidateAsync(input, cancellationToken);
        if (!errors.IsValid)
        {
            return CommissioningResult<NeedsArea>.Invalid(errors);
        }

        // An outcode the postcode table does not know would silently match no service in the area.
        var outcodes = input.Outcodes!.Select(CommissioningFormats.NormaliseOutcode).ToList();
        var known = await PostcodeLocator.KnownOutcodesAsync(db, outcodes, cancellationToken);
        var unknown = Enumerable.Range(0, outcodes.Count).Where(i => !known.Contains(outcodes[i]))
            .Select(i => new ValidationFailure($"{nameof(AreaInput.Outcodes)}[{i}]", $"{outcodes[i]} is not a known outcode: enter the first half of a real postcode, such as E3"))
            .ToList();
        if (unknown.Count > 0)
        {
            return CommissioningResult<NeedsArea>.Invalid(new ValidationResult(unknown));
        }

        var area = new NeedsArea
        {
            CommissionerOrganisationId = input.Commissioner,
            Name = input.Name!.Trim(),
            Outcodes = outcodes.Order(StringComparer.Ordinal).ToList(),
            CreatedAt = db.Now,
        };
        db.NeedsAreas.Add(area);
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<NeedsArea>.Ok(area);
    }

    public async Task<CommissioningResult<AreaNeed>> AddNeedAsync(NeedsArea area, NeedInput input, CancellationToken cancellationToken = default)
    {
        var errors = await new NeedValidator().ValidateAsync(input, cancellationToken);
        if (!errors.IsValid)
        {
            return CommissioningResult<AreaNeed>.Invalid(errors);
        }

        if (input.Term is { } term && !await db.TaxonomyTerms.AnyAsync(t => t.Id == term, cancellationToken))
        {
            return CommissioningResult<AreaNeed>.Invalid(nameof(NeedInput.Term), "Select a term from the needs taxonomy");
        }

        // Burden shares are computed within one measure, so an area's conditions share it.
        if (input.BurdenUnit is { } unit)
        {
            var other = await db.AreaNeeds.Where(n => n.AreaId == area.Id && n.BurdenUnit != null && n.BurdenUnit != unit).Select(n => n.BurdenUnit).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                return CommissioningResult<AreaNeed>.Invalid(nameof(NeedInput.BurdenUnit), $"Give the burden in {(other == BurdenUnit.Dalys ? "DALYs" : "percent")}, like the area's other conditions");
            }
        }

        var need = new AreaNeed
        {
            AreaId = area.Id,
            Kind = input.Kind!.Value,
            Name = input.Name!.Trim(),
            Prevalence = input.Prevalence,
            PrevalenceUnit = input.Prevalence is null ? null : input.PrevalenceUnit,
            Burden = input.Burden,
            BurdenUnit = input.Burden is null ? null : input.BurdenUnit,
            IsRare = input.Rare,
            OrphanetCode = string.IsNullOrWhiteSpace(input.OrphanetCode) ? null : input.OrphanetCode.Trim(),
            TaxonomyTermId = input.Term,
            EstimatedPeople = input.EstimatedPeople,
            CreatedAt = db.Now,
        };
        db.AreaNeeds.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<AreaNeed>.Ok(need);
    }

    public async Task<CommissioningResult<CommissioningPlan>> AddPlanAsync(PlanInput input, CancellationToken cancellationToken = default)
    {
        var errors = await new PlanValidator().ValidateAsync(input, cancellationToken);
        if (!errors.IsValid)
        {
            return CommissioningResult<CommissioningPlan>.Invalid(errors);
        }

        var area = await db.NeedsAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.Area, cancellationToken);
        if (area is null || area.CommissionerOrganisationId != input.Commissioner)
        {
            return CommissioningResult<CommissioningPlan>.Invalid(nameof(PlanInput.Area), "Select one of the commissioner's own areas");
        }

        if (await db.CommissioningPlans.AnyAsync(p => p.CommissionerOrganisationId == input.Commissioner && p.AreaId == input.Area && p.Year == input.Year, cancellationToken))
        {
            return CommissioningResult<CommissioningPlan>.Invalid(nameof(PlanInput.Year), "The commissioner already has a plan for this area and year");
        }

        var plan = new CommissioningPlan
        {
            CommissionerOrganisationId = input.Commissioner,
            AreaId = input.Area,
            Year = input.Year!.Value,
            Title = input.Title!.Trim(),
            PublishedAt = input.Publish ? db.Now : null,
            CreatedAt = db.Now,
        };
        db.CommissioningPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<CommissioningPlan>.Ok(plan);
    }

    /// <summary>Publishes a draft: from now on anyone may read the plan and its area's needs. Publishing again changes nothing.</summary>
    public async Task PublishAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.CommissioningPlans.FirstAsync(p => p.Id == planId, cancellationToken);
        plan.PublishedAt ??= db.Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the budget for one need of the plan's area: a second line for the same need replaces the first.</summary>
    public async Task<CommissioningResult<PlanLine>> SetLineAsync(CommissioningPlan plan, PlanLineInput input, CancellationToken cancellationToken = default)
    {
        var errors = await new PlanLineValidator().ValidateAsync(input, cancellationToken);
        if (!errors.IsValid)
        {
            return CommissioningResult<PlanLine>.Invalid(errors);
        }

        if (!await db.AreaNeeds.AnyAsync(n => n.Id == input.Need && n.AreaId == plan.AreaId, cancellationToken))
        {
            return CommissioningResult<PlanLine>.Invalid(nameof(PlanLineInput.Need), "Select a need or condition recorded for the plan's area");
        }

        var line = await db.PlanLines.FirstOrDefaultAsync(l => l.PlanId == plan.Id && l.NeedId == input.Need, cancellationToken);
        if (line is null)
        {
            line = new PlanLine { PlanId = plan.Id, NeedId = input.Need };
            db.PlanLines.Add(line);
        }

        line.Amount = input.Amount!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<PlanLine>.Ok(line);
    }

    public async Task<CommissioningResult<PooledFund>> AddPoolAsync(PoolInput input, CancellationToken cancellationToken = default)
    {
        var errors = await new PoolValidator().ValidateAsync(input, cancellationToken);
        if (!errors.IsValid)
        {
            return CommissioningResult<PooledFund>.Invalid(errors);
        }

        var ids = input.Members!.Select(m => m.Organisation).ToList();
        var known = await db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var unknown = ids.FindIndex(id => !known.Contains(id));
        if (unknown >= 0)
        {
            return CommissioningResult<PooledFund>.Invalid($"Members[{unknown}].Organisation", "No organisation has this id");
        }

        var pool = new PooledFund { Name = input.Name!.Trim(), CreatedAt = db.Now };
        pool.Members.AddRange(input.Members!.Select(m => new PoolMember { PooledFundId = pool.Id, OrganisationId = m.Organisation, Amount = m.Amount!.Value, SharePercent = m.Share!.Value }));
        db.PooledFunds.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<PooledFund>.Ok(pool);
    }

    /// <summary>Links a joint opportunity to the pool: every one of its commissioners must be a member of the pool.</summary>
    public async Task<CommissioningResult<PoolOpportunity>> DrawOnAsync(PooledFund pool, PoolLinkInput input, CancellationToken cancellationToken = default)
    {
        var opportunity = await db.Opportunities.AsNoTracking().Include(o => o.Commissioners).FirstOrDefaultAsync(o => o.Id == input.Opportunity, cancellationToken);
        if (opportunity is null)
        {
            return CommissioningResult<PoolOpportunity>.Invalid(nameof(PoolLinkInput.Opportunity), "No opportunity has this id");
        }

        var members = pool.Members.Select(m => m.OrganisationId).ToHashSet();
        var outside = opportunity.Commissioners.Where(c => !members.Contains(c.OrganisationId)).Select(c => c.OrganisationId).ToList();
        if (outside.Count > 0 || opportunity.Commissioners.Count == 0)
        {
            var names = await db.Organisations.Where(o => outside.Contains(o.Id)).Select(o => o.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            return CommissioningResult<PoolOpportunity>.Invalid(nameof(PoolLinkInput.Opportunity),
                names.Count == 0 ? "The opportunity has no commissioners to draw on the pool"
                    : $"Every commissioner of the opportunity must be a member of the pool; not a member: {string.Join(", ", names)}");
        }

        var existing = await db.PoolOpportunities.FirstOrDefaultAsync(p => p.OpportunityId == input.Opportunity, cancellationToken);
        if (existing is not null)
        {
            return existing.PooledFundId == pool.Id
                ? CommissioningResult<PoolOpportunity>.Ok(existing)
                : CommissioningResult<PoolOpportunity>.Invalid(nameof(PoolLinkInput.Opportunity), "The opportunity already draws on another pooled fund");
        }

        var link = new PoolOpportunity { PooledFundId = pool.Id, OpportunityId = input.Opportunity };
        db.PoolOpportunities.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return CommissioningResult<PoolOpportunity>.Ok(link);
    }
}

public sealed record PoolMemberFigures(Guid OrganisationId, string Name, decimal SharePercent, decimal Contribution, decimal Spend, decimal Remaining);

public sealed record PoolContract(Guid ContractId, Guid OpportunityId, string Opportunity, string Reference, decimal Value, ContractStatus Status);

public sealed record PoolReport(PooledFund Pool, IReadOnlyList<PoolMemberFigures> Members, IReadOnlyList<PoolContract> Contracts, decimal TotalContribution, decimal TotalSpend);

/// <summary>
/// A pool's figures: each member's contribution (what it pays in) and spend (its agreed share of
/// the value of every contract, not cancelled or terminated, of the opportunities drawing on the
/// pool), and what remains.
/// </summary>
public sealed class PoolQueries(CommonwealDbContext db)
{
    public async Task<PooledFund?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.PooledFunds.Include(p => p.Members).Include(p => p.Opportunities).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<PoolReport> ReportAsync(PooledFund pool, CancellationToken cancellationToken = default)
    {
        var opportunities = pool.Opportunities.Select(o => o.OpportunityId).ToList();
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => opportunities.Contains(c.Award!.OpportunityId) && c.Status != ContractStatus.Cancelled && c.Status != ContractStatus.Terminated && c.Value != null)
            .Select(c => new PoolContract(c.Id, c.Award!.OpportunityId, c.Award.Opportunity!.Title, c.Award.Opportunity.Reference, c.Value!.Value, c.Status))
            .ToListAsync(cancellationToken);
        var ids = pool.Members.Select(m => m.OrganisationId).ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return Compute(pool, names, contracts);
    }

    public static PoolReport Compute(PooledFund pool, IReadOnlyDictionary<Guid, string> names, IReadOnlyList<PoolContract> contracts)
    {
        var spend = contracts.Sum(c => c.Value);
        var members = pool.Members
            .OrderByDescending(m => m.SharePercent).ThenBy(m => names.GetValueOrDefault(m.OrganisationId), StringComparer.Ordinal)
            .Select(m =>
            {
                var share = Math.Round(spend * m.SharePercent / 100m, 2);
                return new PoolMemberFigures(m.OrganisationId, names.GetValueOrDefault(m.OrganisationId) ?? "Unknown", m.SharePercent, m.Amount, share, m.Amount - share);
            })
            .ToList();
        return new PoolReport(pool, members, contracts.OrderBy(c => c.Reference, StringComparer.Ordinal).ToList(), pool.Members.Sum(m => m.Amount), spend);
    }
}
