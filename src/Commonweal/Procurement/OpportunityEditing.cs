using Commonweal.Data;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement;

/// <summary>Creating and editing drafts: validation against what the database knows, then saving.</summary>
public static class OpportunityEditing
{
    public static async Task<ValidationResult> ValidateAsync(CommonwealDbContext db, OpportunityDraft draft, CancellationToken cancellationToken = default)
    {
        var needs = draft.Needs.Distinct().ToList();
        var knownNeeds = (await db.TaxonomyTerms.Where(t => needs.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var organisations = draft.Commissioners.Select(c => c.OrganisationId)
            .Concat(draft.IncumbentOrganisationId is { } incumbent ? [incumbent] : []).Distinct().ToList();
        var knownOrganisations = (await db.Organisations.Where(o => organisations.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        return await new OpportunityDraftValidator(knownNeeds, knownOrganisations).ValidateAsync(draft, cancellationToken);
    }

    public static async Task<Opportunity> CreateAsync(CommonwealDbContext db, OpportunityDraft draft, Guid? userId, CancellationToken cancellationToken = default)
    {
        var o = new Opportunity { Title = "", CreatedByUserId = userId };
        draft.ApplyTo(o);
        await OpportunityReferences.SaveNewAsync(db, o, cancellationToken);
        return o;
    }

    public static async Task<ProcurementResult> UpdateAsync(CommonwealDbContext db, Opportunity o, OpportunityDraft draft, CancellationToken cancellationToken = default)
    {
        if (o.Status != OpportunityStatus.Draft)
        {
            return ProcurementResult.Fail(ProcurementErrors.NotDraft, "Only a draft can be changed; a published opportunity is changed by a notice (not yet available).");
        }

        draft.ApplyTo(o);
        await db.SaveChangesAsync(cancellationToken);
        return ProcurementResult.Ok;
    }
}
