using Commonweal.Accounts;
using Commonweal.Data;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals.Fhir;

/// <summary>
/// Exports a referral as a FHIR message bundle. Exporting is a read of the person's record: through
/// the web it takes exactly the access that reading the referral takes (<see cref="ReferralWork.OpenAsync"/>),
/// and every export, from the web or the command line, is written into the audit log.
/// </summary>
public sealed class ReferralFhirExport(CommonwealDbContext db, ReferralWork work, PersonRecords records)
{
    public const string Purpose = "FHIR export";
    public const string CliPurpose = "CLI export";

    public async Task<CareResult<Bundle>> ExportAsync(Guid referralId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var opened = await work.OpenAsync(referralId, viewer, Purpose, cancellationToken);
        return opened.Succeeded
            ? CareResult<Bundle>.Ok(await BuildAsync(opened.Value!.Referral, opened.Value.Person, cancellationToken))
            : CareResult<Bundle>.From(opened);
    }

    /// <summary>
    /// For the operator at the command line, who has the database itself and so no viewer to check:
    /// the read is still audited, with the operator's name and the purpose "CLI export".
    /// </summary>
    public async Task<CareResult<Bundle>> ExportAsOperatorAsync(Guid referralId, string operatorName, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Person).Include(r => r.Reasons)
            .FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CareResult<Bundle>.Fail(PersonErrors.NotFound, $"No referral has the id {referralId}.");
        }

        var access = new PersonAccessResult(true, null, $"Operator {operatorName} at the command line");
        await records.RecordAsync(referral.PersonId, access, $"{CliPurpose}: referral {referral.Reference}", cancellationToken);
        return CareResult<Bundle>.Ok(await BuildAsync(referral, referral.Person!, cancellationToken));
    }

    private async Task<Bundle> BuildAsync(Referral referral, Person person, CancellationToken cancellationToken)
    {
        var termIds = referral.Reasons.Select(r => r.TaxonomyTermId).ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy)
            .Where(t => termIds.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var service = referral.ServiceId is { } serviceId
            ? await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            : null;
        var organisationIds = new[] { referral.ReceivingOrganisationId, referral.ReferringOrganisationId }.OfType<Guid>().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(cancellationToken);

        // The consent that lets this referral be shared: the one given for it, else care team sharing.
        var consents = await db.Consents.AsNoTracking()
            .Where(c => c.PersonId == referral.PersonId
                && ((c.Scope == ConsentScope.Referral && c.ReferralId == referral.Id) || c.Scope == ConsentScope.CareTeamSharing))
            .ToListAsync(cancellationToken);
        var consent = consents.OrderByDescending(c => c.Scope == ConsentScope.Referral)
            .ThenByDescending(c => c.IsActive(db.Now)).ThenByDescending(c => c.GivenAt).FirstOrDefault();

        var content = new ReferralMessageContent(
            referral,
            person,
            [.. terms.Select(t => (t, t.Taxonomy?.Uri))],
            service,
            organisations.FirstOrDefault(o => o.Id == referral.ReceivingOrganisationId),
            organisations.FirstOrDefault(o => o.Id == referral.ReferringOrganisationId),
            consent);
        return ReferralBundle.Build(content, db.Now);
    }
}
