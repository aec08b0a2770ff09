using Commonweal.Data;
using Commonweal.Insight;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Awards;

/// <summary>
/// Records awards and contracts in the database through the rules of <see cref="Awarding"/>:
/// the public service of the award records, for evaluation (and tests) to call. Acts as the
/// context's actor at the context's time.
/// </summary>
public sealed class AwardRecording(CommonwealDbContext db)
{
    public async Task<(ProcurementResult Result, Award? Award)> RecordIntentionAsync(Guid opportunityId, AwardInput input, CancellationToken cancellationToken = default)
    {
        var o = await LoadAsync(opportunityId, cancellationToken);
        if (o is null)
        {
            return (NotFound, null);
        }

        var suppliers = (input.ConsortiumMemberIds ?? []).Append(input.LeadSupplierId).Distinct().ToList();
        var known = await db.Organisations.CountAsync(x => suppliers.Contains(x.Id), cancellationToken);
        if (known != suppliers.Count)
        {
            return (ProcurementResult.Fail(AwardErrors.InvalidSuppliers, "Every supplier must be an organisation on Commonweal."), null);
        }

        var existing = await db.Awards.Where(a => a.OpportunityId == opportunityId).ToListAsync(cancellationToken);
        var (result, award) = Awarding.Intend(o, input, existing, db.Actor, db.Now);
        if (award is not null)
        {
            db.Awards.Add(award);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (result, award);
    }

    public async Task<ProcurementResult> StartStandstillAsync(Guid opportunityId, CancellationToken cancellationToken = default)
    {
        var o = await LoadAsync(opportunityId, cancellationToken);
        if (o is null)
        {
            return NotFound;
        }

        var awards = await db.Awards.Where(a => a.OpportunityId == opportunityId).ToListAsync(cancellationToken);
        var result = Awarding.StartStandstill(o, awards, db.Actor, db.Now);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public async Task<(ProcurementResult Result, Contract? Contract)> RecordContractAsync(Guid awardId, ContractInput input, CancellationToken cancellationToken = default)
    {
        var award = await db.Awards.Include(a => a.Contracts).Include(a => a.Suppliers).FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken);
        var o = award is null ? null : await LoadAsync(award.OpportunityId, cancellationToken);
        if (award is null || o is null)
        {
            return (ProcurementResult.Fail(AwardErrors.WrongState, "There is no such award."), null);
        }

        var (result, contract) = Awarding.Conclude(o, award, input, db.Actor, db.Now);
        if (result.Succeeded)
        {
            // Insight reads every figure from funding records: the contract becomes one, in the same save.
            var funderIds = o.Commissioners.Select(c => c.OrganisationId).ToList();
            var names = await db.Organisations.Where(x => funderIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
            db.FundingRecords.AddRange(ContractFunding.For(o, award, contract!, names, db.Now));

            // The other awards of the opportunity (other lots) come into force with it.
            foreach (var other in await db.Awards.Where(a => a.OpportunityId == o.Id && a.Id != award.Id).ToListAsync(cancellationToken))
            {
                Awarding.Confirm(o, other, db.Now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (result, contract);
    }

    public async Task<ProcurementResult> CancelAsync(Guid awardId, string? reason, CancellationToken cancellationToken = default)
    {
        var award = await db.Awards.Include(a => a.Contracts).FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken);
        if (award is null)
        {
            return ProcurementResult.Fail(AwardErrors.WrongState, "There is no such award.");
        }

        var result = Awarding.Cancel(award, reason, db.Now);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private static ProcurementResult NotFound => ProcurementResult.Fail(AwardErrors.WrongState, "There is no such opportunity.");

    private Task<Opportunity?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Opportunities.Include(o => o.Lots).Include(o => o.Transitions).Include(o => o.Commissioners).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
}
