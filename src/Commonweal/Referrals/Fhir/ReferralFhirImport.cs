using System.Globalization;
using Commonweal.Accounts;
using Commonweal.Data;
using FluentValidation.Results;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.EntityFrameworkCore;
using FhirConsent = Hl7.Fhir.Model.Consent;

namespace Commonweal.Referrals.Fhir;

/// <summary>Who a message came through: the organisation that sent it here (none for a platform admin or the operator), and a name for the record.</summary>
public sealed record FhirImportChannel(Guid? OrganisationId, string Name);

public sealed record FhirImportResult(Guid ReferralId, string Reference, bool Created, bool Routed);

public static class FhirErrors
{
    public const string Invalid = "fhir.invalid";
}

/// <summary>
/// Takes a FHIR referral message (a BaRS-shaped bundle) as an incoming referral. The bundle is checked
/// whole before anything is written, and a refusal names the FHIR path at fault; what is taken is
/// written in one transaction. The same message (same Bundle.identifier) is taken once: sent again,
/// it answers with the referral it made the first time. A performer that is not one of our services
/// leaves the referral unrouted, waiting for a platform admin (<see cref="ReferralRouting"/>).
/// </summary>
public sealed class ReferralFhirImport(CommonwealDbContext db)
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    /// <summary>
    /// Platform admins import for the platform; practitioners and admins of an organisation import for
    /// it, and it is recorded as the channel (and so as the referring organisation). Everyone else is refused.
    /// </summary>
    public async Task<CareResult<FhirImportChannel>> ChannelForAsync(Viewer viewer, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<FhirImportChannel>.Fail(PersonErrors.SignInRequired, "Sign in to import referrals.");
        }

        if (organisationId is null)
        {
            var mine = viewer.Memberships.Where(m => viewer.WorksWithPeopleIn(m.OrganisationId)).Select(m => m.OrganisationId).Distinct().ToList();
            if (mine.Count == 1)
            {
                organisationId = mine[0];
            }
            else if (mine.Count > 1)
            {
                return CareResult<FhirImportChannel>.Invalid("organisationId", "Say which of your organisations is sending this referral");
            }
            else if (viewer.IsPlatformAdmin)
            {
                return CareResult<FhirImportChannel>.Ok(new FhirImportChannel(null, $"{viewer.Name} (platform admin)"));
            }
            else
            {
                return CareResult<FhirImportChannel>.Fail(PersonErrors.NotAllowed, "Only practitioners and admins of an organisation, or platform admins, can import referrals.");
            }
        }

        if (!viewer.WorksWithPeopleIn(organisationId.Value) && !viewer.IsPlatformAdmin)
        {
            return CareResult<FhirImportChannel>.Fail(PersonErrors.NotAllowed, "You can import referrals only for an organisation where you are a practitioner or admin.");
        }

        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null
            ? CareResult<FhirImportChannel>.Invalid("organisationId", "No organisation has that id")
            : CareResult<FhirImportChannel>.Ok(new FhirImportChannel(organisationId, $"{name}, by {viewer.Name}"));
    }

    public async Task<CareResult<FhirImportResult>> ImportAsync(string json, FhirImportChannel channel, CancellationToken cancellationToken = default)
    {
        Bundle bundle;
        try
        {
            bundle = Deserializer.Deserialize<Bundle>(json);
        }
        catch (DeserializationFailedException e)
        {
            var first = e.Exceptions.OfType<ExtendedCodedException>().FirstOrDefault();
            return Refuse(string.IsNullOrEmpty(first?.InstancePath) ? "Bundle" : first.InstancePath,
                $"The bundle is not valid FHIR R4 JSON: {first?.BaseErrorMessage ?? e.Exceptions.FirstOrDefault()?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return Refuse("Bundle", $"The bundle is not valid FHIR R4 JSON: {e.Message}");
        }

        var message = new IncomingMessage(bundle);
        if (message.Check() is { } error)
        {
            return error;
        }

        var existing = await db.Referrals.AsNoTracking().Where(r => r.ExternalId == message.ExternalId)
            .Select(r => new FhirImportResult(r.Id, r.Reference, false, r.ServiceId != null)).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return CareResult<FhirImportResult>.Ok(existing);
        }

        if (message.CheckReferral(db.Now) is { } invalid)
        {
            return invalid;
        }

        // The performer: one of our services by its id, else the referral waits unrouted.
        Directory.Service? service = null;
        if (message.ServiceId is { } serviceId)
        {
            service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
            if (service is not null && ReferralWork.ClosedToReferrals(service) is { } closed)
            {
                return new(default, PersonErrors.NotAcceptingReferrals, closed, new ValidationResult([new ValidationFailure(message.PerformerPath, closed)]));
            }
        }

        var reasons = await ReasonsAsync(message, cancellationToken);
        var person = await MatchPersonAsync(message.Patient, cancellationToken);
        if (person is null)
        {
            person = message.NewPerson(channel.OrganisationId ?? service?.OrganisationId ?? Guid.Empty, db.Now);
            db.People.Add(person);
        }

        var unknownReasons = message.ReasonTexts.Where(text => !reasons.Matched.Contains(text)).ToList();
        var notes = string.Join("\n\n", new[] { message.Notes, unknownReasons.Count == 0 ? null : $"Reasons as sent: {string.Join("; ", unknownReasons)}" }.OfType<string>());
        var referral = new Referral
        {
            Reference = ReferralReferences.New(),
            PersonId = person.Id,
            ServiceId = service?.Id,
            ReceivingOrganisationId = service?.OrganisationId,
            RequestedService = service is null ? Truncate(message.RequestedService, 300) : null,
            ReferringOrganisationId = channel.OrganisationId,
            ReferrerName = Truncate(message.ReferrerName, 200),
            ReferrerOrganisationName = message.ReferrerOrganisationName is { } organisation ? Truncate(organisation, 300) : null,
            ReferrerPhone = message.ReferrerPhone is { } phone ? Truncate(phone, 40) : null,
            ReferrerEmail = message.ReferrerEmail is { } email ? Truncate(email, 254) : null,
            Urgency = FhirCodes.UrgencyOf(message.Request.Priority),
            Notes = notes.Length == 0 ? null : Truncate(notes, Referral.NotesMaxLength),
            Status = ReferralStatus.Sent,
            StatusChangedAt = db.Now,
            Source = ReferralSource.Fhir,
            ExternalId = message.ExternalId,
            CreatedAt = db.Now,
            Reasons = [.. reasons.TermIds.Select(id => new ReferralReason { TaxonomyTermId = id })],
        };
        referral.Transitions.Add(new ReferralTransition
        {
            To = ReferralStatus.Sent,
            At = db.Now,
            By = Truncate($"FHIR message via {channel.Name}", 200),
            Reason = service is null ? "Received; the service asked for is not in the directory, so it waits to be routed" : null,
        });
        db.Referrals.Add(referral);
        db.Consents.Add(message.NewConsent(person.Id, referral.Id, channel, db.Now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same message taken a moment ago by another request: the unique identifier kept one.
            db.ChangeTracker.Clear();
            var taken = await db.Referrals.AsNoTracking().Where(r => r.ExternalId == message.ExternalId)
                .Select(r => new FhirImportResult(r.Id, r.Reference, false, r.ServiceId != null)).FirstOrDefaultAsync(cancellationToken);
            if (taken is null)
            {
                // Another message for the same new person (same NHS number) was taken at the same moment.
                return IncomingMessage.Refuse("Bundle", "could not be taken because another referral for the same person arrived at the same moment; send it again");
            }

            return CareResult<FhirImportResult>.Ok(taken);
        }

        return CareResult<FhirImportResult>.Ok(new FhirImportResult(referral.Id, referral.Reference, true, service is not null));
    }

    /// <summary>One record per NHS number; without one, a single match on name, date of birth and postcode.</summary>
    private async Task<Person?> MatchPersonAsync(IncomingPatient patient, CancellationToken cancellationToken)
    {
        if (patient.NhsNumber is { } nhsNumber)
        {
            return await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.NhsNumber == nhsNumber, cancellationToken);
        }

        var key = Person.MatchKeyFor(patient.GivenName, patient.FamilyName, patient.DateOfBirth, patient.Postcode);
        var matches = await db.People.AsNoTracking().Where(p => p.MatchKey == key).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<(List<Guid> TermIds, HashSet<string> Matched)> ReasonsAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var matched = new HashSet<string>();
        foreach (var reason in message.Request.ReasonCode)
        {
            Guid? found = null;
            foreach (var coding in reason.Coding)
            {
                if (coding.System == FhirCodes.TaxonomyTermSystem && Guid.TryParse(coding.Code, out var id))
                {
                    found = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Id == id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
                }
                else if (coding.System is { } system && coding.Code is { } code)
                {
                    found = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Code == code && t.Taxonomy!.Uri == system)
                        .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
                }

                if (found is not null)
                {
                    break;
                }
            }

            if (found is { } term && !ids.Contains(term))
            {
                ids.Add(term);
            }

            if (found is not null)
            {
                matched.Add(IncomingMessage.TextOf(reason));
            }
        }

        return (ids, matched);
    }

    private static CareResult<FhirImportResult> Refuse(string path, string message) => IncomingMessage.Refuse(path, message);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The patient as the message describes them, checked.</summary>
internal sealed record IncomingPatient(string? NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Postcode, string? Phone, string? Email);

/// <summary>A parsed bundle and what has been found in it, with the checks that name the FHIR path at fault.</summary>
internal sealed class IncomingMessage(Bundle bundle)
{
    public string ExternalId { get; private set; } = "";
    public ServiceRequest Request { get; private set; } = null!;
    public IncomingPatient Patient { get; private set; } = null!;
    public Guid? ServiceId { get; private set; }
    public string PerformerPath { get; private set; } = "Bundle";
    public string RequestedService { get; private set; } = "";
    public string ReferrerName { get; private set; } = "";
    public string? ReferrerOrganisationName { get; private set; }
    public string? ReferrerPhone { get; private set; }
    public string? ReferrerEmail { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<string> ReasonTexts => [.. Request.ReasonCode.Select(TextOf)];

    private FhirConsent consent = null!;
    private int requestIndex;

    public static CareResult<FhirImportResult> Refuse(string path, string message, string code = FhirErrors.Invalid) =>
        new(default, code, $"{path}: {message}", new ValidationResult([new ValidationFailure(path, message)]));

    public static string TextOf(CodeableConcept concept) =>
        concept.Text ?? concept.Coding.Select(c => c.Display ?? c.Code).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "(unnamed reason)";

    /// <summary>The envelope: a message bundle with an identifier, whose first entry is a referral request header.</summary>
    public CareResult<FhirImportResult>? Check()
    {
        if (bundle.Type != Bundle.BundleType.Message)
        {
            return Refuse("Bundle.type", "must be message: a referral comes as a FHIR message bundle");
        }

        if (string.IsNullOrWhiteSpace(bundle.Identifier?.Value))
        {
            return Refuse("Bundle.identifier", "is required, so that the same message is not taken twice");
        }

        var identifier = bundle.Identifier.System is null or FhirCodes.UriSystem
            ? bundle.Identifier.Value
            : $"{bundle.Identifier.System}|{bundle.Identifier.Value}";
        if (identifier.Length > 200)
        {
            return Refuse("Bundle.identifier.value", "must be 200 characters or fewer");
        }

        ExternalId = identifier;
        if (bundle.Entry.Count == 0 || bundle.Entry[0].Resource is not MessageHeader header)
        {
            return Refuse("Bundle.entry[0].resource", "must be a MessageHeader: the first entry of a message bundle is its header");
        }

        if (header.Event is not Coding coding || coding.System != FhirCodes.MessageEvents || coding.Code != FhirCodes.ReferralRequestEvent)
        {
            return Refuse("Bundle.entry[0].resource.eventCoding",
                $"must be {FhirCodes.ReferralRequestEvent} from {FhirCodes.MessageEvents}: only referral requests are taken");
        }

        var requests = bundle.Entry.Select((e, i) => (e.Resource, i)).Where(x => x.Resource is ServiceRequest).ToList();
        if (requests.Count != 1)
        {
            return Refuse("Bundle.entry", $"must hold exactly one ServiceRequest; this bundle holds {requests.Count}");
        }

        Request = (ServiceRequest)requests[0].Resource!;
        requestIndex = requests[0].i;
        return null;
    }

    /// <summary>The referral itself: its status, patient, consent, requester and performer.</summary>
    public CareResult<FhirImportResult>? CheckReferral(DateTime now)
    {
        var at = $"Bundle.entry[{requestIndex}].resource";
        if (Request.Status is not RequestStatus.Active)
        {
            return Refuse($"{at}.status", "must be active: only a live referral request can be taken");
        }

        if (Resolve(Request.Subject) is not (Patient patient, var patientIndex))
        {
            return Refuse($"{at}.subject", "must refer to a Patient in the bundle");
        }

        if (CheckPatient(patient, $"Bundle.entry[{patientIndex}].resource") is { } patientError)
        {
            return patientError;
        }

        if (CheckConsent(patient, now) is { } consentError)
        {
            return consentError;
        }

        if (Request.Note.Select(n => n.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToList() is { Count: > 0 } notes)
        {
            Notes = string.Join("\n\n", notes);
            if (Notes.Length > Referral.NotesMaxLength)
            {
                return Refuse($"{at}.note", $"must be {Referral.NotesMaxLength} characters or fewer in all");
            }
        }

        Requester();
        Performer(at);
        return null;
    }

    public Person NewPerson(Guid registeredBy, DateTime now)
    {
        var person = new Person
        {
            NhsNumber = Patient.NhsNumber,
            GivenName = Patient.GivenName,
            FamilyName = Patient.FamilyName,
            DateOfBirth = Patient.DateOfBirth,
            Postcode = Patient.Postcode,
            Phone = Patient.Phone,
            Email = Patient.Email,
            ContactPreference = Patient.Phone is not null ? ContactPreference.Phone : Patient.Email is not null ? ContactPreference.Email : ContactPreference.Letter,
            RegisteredByOrganisationId = registeredBy,
            CreatedAt = now,
        };
        person.RefreshMatchKey();
        return person;
    }

    /// <summary>The bundle's consent becomes the person's consent to this one referral, received electronically.</summary>
    public Consent NewConsent(Guid personId, Guid referralId, FhirImportChannel channel, DateTime now)
    {
        var given = ParseInstant(consent.DateTime) ?? ParseInstant(consent.Provision?.Period?.Start) ?? now;
        var representative = Resolve(consent.Performer.FirstOrDefault()) is (RelatedPerson related, _) ? related : null;
        return new Consent
        {
            PersonId = personId,
            Scope = ConsentScope.Referral,
            ReferralId = referralId,
            GivenBy = representative is null ? ConsentGivenBy.Person : ConsentGivenBy.Representative,
            RepresentativeName = representative?.Name.FirstOrDefault() is { } name ? Limit(NameOf(name), Person.NameMaxLength) : null,
            RepresentativeRelationship = representative?.Relationship.FirstOrDefault() is { } relationship ? Limit(IncomingMessage.TextOf(relationship), Person.NameMaxLength) : null,
            Method = ConsentMethod.Electronic,
            GivenAt = given > now ? now : given,
            RecordedBy = Limit($"FHIR message via {channel.Name}", 200),
        };
    }

    private CareResult<FhirImportResult>? CheckPatient(Patient patient, string at)
    {
        string? nhsNumber = null;
        for (var i = 0; i < patient.Identifier.Count; i++)
        {
            if (patient.Identifier[i].System != FhirCodes.NhsNumberSystem)
            {
                continue;
            }

            if (!NhsNumber.IsValid(patient.Identifier[i].Value))
            {
                return Refuse($"{at}.identifier[{i}].value", "is not a valid NHS number: it must be 10 digits with a correct check digit");
            }

            nhsNumber = NhsNumber.Normalise(patient.Identifier[i].Value);
        }

        var name = patient.Name.FirstOrDefault(n => n.Use is null or HumanName.NameUse.Official or HumanName.NameUse.Usual);
        var given = name?.Given.FirstOrDefault(g => !string.IsNullOrWhiteSpace(g))?.Trim();
        if (name is null || string.IsNullOrWhiteSpace(name.Family) || given is null)
        {
            return Refuse($"{at}.name", "must give the patient's family and given names");
        }

        if (name.Family.Trim().Length > Person.NameMaxLength || given.Length > Person.NameMaxLength)
        {
            return Refuse($"{at}.name", $"names must be {Person.NameMaxLength} characters or fewer");
        }

        if (!DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return Refuse($"{at}.birthDate", "must be the patient's full date of birth, such as 1957-03-21");
        }

        var phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value;
        var email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value;
        var postcode = Organisations.Postcodes.Normalise(patient.Address.Select(a => a.PostalCode).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)));
        Patient = new IncomingPatient(nhsNumber, given, name.Family.Trim(), birthDate, postcode,
            phone is null ? null : Limit(phone.Trim(), 40), email is null ? null : Limit(email.Trim(), 254));
        return null;
    }

    private CareResult<FhirImportResult>? CheckConsent(Patient patient, DateTime now)
    {
        var consents = bundle.Entry.Select((e, i) => (e.Resource, i)).Where(x => x.Resource is FhirConsent).ToList();
        if (consents.Count == 0)
        {
            return Refuse("Bundle.entry", "must hold the person's Consent to the referral: a referral is not taken without consent", PersonErrors.ConsentRequired);
        }

        var (resource, index) = consents.FirstOrDefault(c => Resolve(((FhirConsent)c.Resource!).Patient) is (Patient p, _) && ReferenceEquals(p, patient));
        if (resource is null)
        {
            return Refuse($"Bundle.entry[{consents[0].i}].resource.patient", "must refer to the referral's Patient", PersonErrors.ConsentRequired);
        }

        consent = (FhirConsent)resource;
        if (consent.Status != FhirConsent.ConsentState.Active || (ParseInstant(consent.Provision?.Period?.End) is { } end && end <= now))
        {
            return Refuse($"Bundle.entry[{index}].resource.status", "must be active: the person's consent has been withdrawn or is not in force", PersonErrors.ConsentRequired);
        }

        return null;
    }

    private void Requester()
    {
        var resolved = Resolve(Request.Requester);
        var role = resolved?.Resource as PractitionerRole;
        ReferrerName = role?.Practitioner?.Display
            ?? (Resolve(role?.Practitioner) is (Practitioner practitioner, _) && practitioner.Name.FirstOrDefault() is { } name ? NameOf(name) : null)
            ?? Request.Requester?.Display
            ?? "Not named in the message";
        var organisation = (Resolve(role?.Organization)?.Resource ?? (resolved?.Resource as Organization)
            ?? Resolve((bundle.Entry[0].Resource as MessageHeader)?.Sender)?.Resource) as Organization;
        ReferrerOrganisationName = organisation?.Name;
        var telecom = role?.Telecom ?? [];
        ReferrerPhone = telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value;
        ReferrerEmail = telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value;
    }

    private void Performer(string at)
    {
        var performer = Request.Performer.FirstOrDefault();
        PerformerPath = $"{at}.performer[0]";
        if (Resolve(performer) is (HealthcareService service, var index))
        {
            PerformerPath = $"Bundle.entry[{index}].resource";
            ServiceId = Guid.TryParse(service.Id, out var id) ? id
                : service.Identifier.FirstOrDefault(i => i.System == FhirCodes.ServiceSystem && Guid.TryParse(i.Value, out _)) is { Value: { } ours } ? Guid.Parse(ours) : null;
            RequestedService = service.Name ?? service.Identifier.Select(i => i.Value).FirstOrDefault() ?? performer!.Display ?? "";
        }
        else
        {
            RequestedService = performer?.Display ?? (Resolve(performer)?.Resource as Organization)?.Name ?? "";
        }

        if (string.IsNullOrWhiteSpace(RequestedService))
        {
            RequestedService = "Not named in the message";
        }
    }

    /// <summary>A reference to another entry: by its full URL, or by Type/id.</summary>
    private (Resource Resource, int Index)? Resolve(ResourceReference? reference)
    {
        if (reference?.Reference is not { } target)
        {
            return null;
        }

        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            if (entry.Resource is { } resource
                && (entry.FullUrl == target || (resource.Id is not null && target == $"{resource.TypeName}/{resource.Id}")))
            {
                return (resource, i);
            }
        }

        return null;
    }

    private static string NameOf(HumanName name) =>
        name.Text ?? string.Join(' ', name.Given.Append(name.Family).Where(n => !string.IsNullOrWhiteSpace(n)));

    private static DateTime? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
