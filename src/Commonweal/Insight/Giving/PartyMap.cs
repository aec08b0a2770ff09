using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Insight.Giving;

/// <summary>
/// Finds the organisation a 360Giving party names, by org-id, creating it when unknown. Parties
/// whose id is not an org-id (a funder's own "360G-…" id for an unregistered group) are matched
/// through the ids earlier imports recorded against their funding records.
/// </summary>
internal sealed class PartyMap(Dictionary<string, Guid> byIdentifier)
{
    public static async Task<PartyMap> LoadAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var map = await db.Organisations.AsNoTracking().Where(o => o.Identifier != null)
            .Select(o => new { o.Identifier, o.Id }).ToListAsync(cancellationToken);
        var dictionary = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in map)
        {
            dictionary[o.Identifier!] = o.Id;
        }

        var recorded = await db.FundingRecords.AsNoTracking().Where(f => f.RecipientIdentifier != null)
            .Select(f => new { Identifier = f.RecipientIdentifier!, Id = f.RecipientOrganisationId }).Distinct()
            .Concat(db.FundingRecords.AsNoTracking().Where(f => f.FunderIdentifier != null && f.FunderOrganisationId != null)
                .Select(f => new { Identifier = f.FunderIdentifier!, Id = f.FunderOrganisationId!.Value }).Distinct())
            .ToListAsync(cancellationToken);
        foreach (var r in recorded)
        {
            dictionary.TryAdd(r.Identifier, r.Id);
        }

        return new PartyMap(dictionary);
    }

    public Guid Resolve(CommonwealDbContext db, GrantParty party)
    {
        // Most grants name a party already seen under the same spelling: found without parsing the id again.
        if (byIdentifier.TryGetValue(party.Id, out var id))
        {
            return id;
        }

        var (identifier, _) = OrgIdentifier.Parse(party.Id);
        if (byIdentifier.TryGetValue(identifier ?? party.Id, out id))
        {
            byIdentifier[party.Id] = id;
            return id;
        }

        var organisation = new Organisation
        {
            Identifier = identifier,
            Name = party.Name.Length <= Organisation.NameMaxLength ? party.Name : party.Name[..Organisation.NameMaxLength],
            LegalForm = LegalFormOf(identifier),
            Postcode = Postcodes.Normalise(party.Postcode),
        };
        organisation.DeriveSector();
        db.Organisations.Add(organisation);
        byIdentifier[identifier ?? party.Id] = organisation.Id;
        if (identifier is not null)
        {
            byIdentifier[party.Id] = organisation.Id;
        }

        return organisation.Id;
    }

    /// <summary>
    /// Only where the register says what the organisation is: charity registers mean a registered
    /// charity, GB-LAE a local authority, an ODS code of a letter and five digits a GP practice and a
    /// three-character one an NHS trust. A company number alone could be a charity, a CIC or a business: not known.
    /// </summary>
    public static LegalForm? LegalFormOf(string? identifier)
    {
        if (OrgIdentifier.Split(identifier) is not { } split)
        {
            return null;
        }

        return split.Prefix switch
        {
            "GB-CHC" or "GB-SC" or "GB-NIC" => LegalForm.RegisteredCharity,
            "GB-LAE" => LegalForm.LocalAuthority,
            "GB-NHS" when split.Number.Length == 6 && char.IsAsciiLetter(split.Number[0]) && split.Number[1..].All(char.IsAsciiDigit) => LegalForm.GpPractice,
            "GB-NHS" when split.Number.Length == 3 => LegalForm.NhsTrust,
            _ => null,
        };
    }
}
