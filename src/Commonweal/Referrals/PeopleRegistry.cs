using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>
/// Registers a person: their details, their consent to care team sharing and the registering
/// practitioner as the first member of their care team. One person, one record: a matching NHS
/// number is refused, and a match on name, date of birth and postcode must be confirmed as a
/// different person.
/// </summary>
public sealed class PeopleRegistry(CommonwealDbContext db)
{
    public async Task<CareResult<Person>> RegisterAsync(PersonDraft draft, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<Person>.Fail(PersonErrors.SignInRequired, "Sign in to register a person.");
        }

        var validation = new PersonDraftValidator(DateOnly.FromDateTime(db.Now)).Validate(draft);
        if (!validation.IsValid)
        {
            return CareResult<Person>.Invalid(validation);
        }

        var organisationId = draft.OrganisationId!.Value;
        if (!viewer.WorksWithPeopleIn(organisationId))
        {
            return CareResult<Person>.Refuse(PersonErrors.NotAllowed, nameof(PersonDraft.OrganisationId),
                "You can register people only for an organisation where you are a practitioner or admin");
        }

        var nhsNumber = NhsNumber.Normalise(draft.NhsNumber);
        if (nhsNumber is not null && await db.People.AnyAsync(p => p.NhsNumber == nhsNumber, cancellationToken))
        {
            return CareResult<Person>.Refuse(PersonErrors.Duplicate, nameof(PersonDraft.NhsNumber),
                "A person with this NHS number is already registered. Ask a member of their care team to add you to it");
        }

        var person = new Person
        {
            NhsNumber = nhsNumber,
            GivenName = draft.GivenName!.Trim(),
            FamilyName = draft.FamilyName!.Trim(),
            DateOfBirth = draft.DateOfBirth!.Value,
            Postcode = Postcodes.Normalise(draft.Postcode),
            Phone = Blank(draft.Phone),
            Email = Blank(draft.Email),
            ContactPreference = draft.ContactPreference!.Value,
            WhatMattersToMe = Blank(draft.WhatMattersToMe),
            RegisteredByOrganisationId = organisationId,
            CreatedAt = db.Now,
        };
        person.RefreshMatchKey();
        if (!draft.ConfirmNotDuplicate && await db.People.AnyAsync(p => p.MatchKey == person.MatchKey, cancellationToken))
        {
            return CareResult<Person>.Refuse(PersonErrors.Duplicate, nameof(PersonDraft.ConfirmNotDuplicate),
                "A person with the same name, date of birth and postcode is already registered. If this is a different person, confirm it and register again");
        }

        db.People.Add(person);
        db.Consents.Add(Consents.From(draft.Consent!, person.Id, ConsentScope.CareTeamSharing, null, viewer, db.Now));
        db.CareTeamMembers.Add(new CareTeamMember
        {
            PersonId = person.Id,
            UserId = viewer.UserId!.Value,
            Name = viewer.Name,
            OrganisationId = organisationId,
            Role = draft.Role!.Trim(),
            Source = CareTeamSource.Registration,
            JoinedAt = db.Now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (nhsNumber is not null)
        {
            // Another practitioner registered the same NHS number a moment ago; the unique index kept one record.
            db.ChangeTracker.Clear();
            return CareResult<Person>.Refuse(PersonErrors.Duplicate, nameof(PersonDraft.NhsNumber),
                "A person with this NHS number is already registered. Ask a member of their care team to add you to it");
        }

        return CareResult<Person>.Ok(person);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
