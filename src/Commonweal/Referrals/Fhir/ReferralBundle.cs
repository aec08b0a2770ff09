using System.Globalization;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;
using Hl7.Fhir.Model;

namespace Commonweal.Referrals.Fhir;

/// <summary>Everything one referral message carries, loaded by <see cref="ReferralFhirExport"/>.</summary>
public sealed record ReferralMessageContent(
    Referral Referral,
    Person Person,
    IReadOnlyList<(TaxonomyTerm Term, string? TaxonomyUri)> Reasons,
    Service? Service,
    Organisation? ReceivingOrganisation,
    Organisation? ReferringOrganisation,
    Consent? Consent);

/// <summary>
/// Writes a referral as a FHIR R4 message bundle in the shape of the NHS Booking and Referral
/// Standard: MessageHeader first (event servicerequest-request, focus on the ServiceRequest), then
/// the ServiceRequest and every resource it points at, each with a urn:uuid full URL.
/// </summary>
public static class ReferralBundle
{
    public static Bundle Build(ReferralMessageContent content, DateTime now)
    {
        var referral = content.Referral;
        var entries = new List<Resource>();

        var patient = Patient(content.Person);
        var referrerOrganisation = content.ReferringOrganisation is { } referring
            ? Organization(referring)
            : referral.ReferrerOrganisationName is { } name ? new Organization { Id = NewId.Next().ToString(), Name = name } : null;
        var receiverOrganisation = content.ReceivingOrganisation is { } receiving ? Organization(receiving) : null;
        var requester = new PractitionerRole
        {
            Id = NewId.Next().ToString(),
            Active = true,
            Practitioner = new ResourceReference { Display = referral.ReferrerName },
            Organization = referrerOrganisation is null ? null : Reference(referrerOrganisation),
            Telecom = Telecom(referral.ReferrerPhone, referral.ReferrerEmail, ContactPoint.ContactPointUse.Work),
        };
        var healthcareService = content.Service is { } service
            ? new HealthcareService
            {
                Id = service.Id.ToString(),
                Identifier = [new Identifier(FhirCodes.ServiceSystem, service.Id.ToString())],
                Active = service.Status == ServiceStatus.Active,
                Name = service.Name,
                ProvidedBy = receiverOrganisation is null ? null : Reference(receiverOrganisation),
            }
            : null;

        var request = new ServiceRequest
        {
            Id = referral.Id.ToString(),
            Identifier = [new Identifier(FhirCodes.ReferralReferenceSystem, referral.Reference)],
            Status = FhirCodes.StatusOf(referral.Status),
            Intent = RequestIntent.Plan,
            Category = [FhirCodes.SocialPrescribing()],
            Code = FhirCodes.SocialPrescribing(),
            Priority = FhirCodes.PriorityOf(referral.Urgency),
            Subject = Reference(patient),
            AuthoredOn = Instant(referral.CreatedAt),
            Requester = Reference(requester),
            ReasonCode = [.. content.Reasons.Select(r => Reason(r.Term, r.TaxonomyUri))],
            Note = string.IsNullOrWhiteSpace(referral.Notes) ? [] : [new Annotation { Text = referral.Notes }],
        };
        if (healthcareService is not null)
        {
            request.Performer = [Reference(healthcareService, healthcareService.Name)];
        }
        else if (referral.RequestedService is { } requested)
        {
            request.Performer = [new ResourceReference { Display = requested }];
        }

        var header = new MessageHeader
        {
            Id = NewId.Next().ToString(),
            Event = new Coding(FhirCodes.MessageEvents, FhirCodes.ReferralRequestEvent, "Referral - Request"),
            Source = new MessageHeader.MessageSourceComponent { Name = "Commonweal", Endpoint = FhirCodes.SourceEndpoint },
            Sender = referrerOrganisation is null ? Reference(requester) : Reference(referrerOrganisation),
            Focus = [Reference(request)],
        };
        if (content.Service is { } routed)
        {
            header.Destination =
            [
                new MessageHeader.MessageDestinationComponent
                {
                    Name = routed.Name,
                    Endpoint = $"urn:uuid:{routed.Id}",
                    Receiver = receiverOrganisation is null ? null : Reference(receiverOrganisation),
                },
            ];
        }

        entries.Add(header);
        entries.Add(request);
        entries.Add(patient);
        entries.Add(requester);
        AddIfAny(entries, referrerOrganisation);
        AddIfAny(entries, receiverOrganisation);
        AddIfAny(entries, healthcareService);
        if (content.Consent is { } consent)
        {
            entries.Add(Consent(consent, patient, now));
        }

        return new Bundle
        {
            Id = NewId.Next().ToString(),
            // One message per referral: the same referral sent again is recognised as the same message.
            Identifier = new Identifier(FhirCodes.UriSystem, $"urn:uuid:{referral.Id}"),
            Type = Bundle.BundleType.Message,
            Timestamp = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            Entry = [.. entries.Select(r => new Bundle.EntryComponent { FullUrl = $"urn:uuid:{r.Id}", Resource = r })],
        };
    }

    private static void AddIfAny(List<Resource> entries, Resource? resource)
    {
        if (resource is not null)
        {
            entries.Add(resource);
        }
    }

    private static Patient Patient(Person person)
    {
        var patient = new Patient
        {
            Id = person.Id.ToString(),
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = person.FamilyName, Given = [person.GivenName] }],
            BirthDate = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Telecom = Telecom(person.Phone, person.Email, ContactPoint.ContactPointUse.Home),
        };
        if (person.NhsNumber is { } nhsNumber)
        {
            patient.Identifier = [new Identifier(FhirCodes.NhsNumberSystem, nhsNumber)];
        }

        if (person.Postcode is { } postcode)
        {
            patient.Address = [new Address { PostalCode = postcode }];
        }

        return patient;
    }

    private static Organization Organization(Organisation organisation)
    {
        var identifiers = new List<Identifier> { new(FhirCodes.OrganisationSystem, organisation.Id.ToString()) };
        if (organisation.Identifier is { } id && id.StartsWith(FhirCodes.OdsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            identifiers.Insert(0, new Identifier(FhirCodes.OdsSystem, id[FhirCodes.OdsPrefix.Length..]));
        }

        return new Organization { Id = organisation.Id.ToString(), Identifier = identifiers, Active = true, Name = organisation.Name };
    }

    private static CodeableConcept Reason(TaxonomyTerm term, string? taxonomyUri)
    {
        var concept = new CodeableConcept { Text = term.Name };
        if (term.Code is { } code && taxonomyUri is not null)
        {
            concept.Coding.Add(new Coding(taxonomyUri, code, term.Name));
        }

        // Our own term id as well, so that a message sent back to us finds the very same term.
        concept.Coding.Add(new Coding(FhirCodes.TaxonomyTermSystem, term.Id.ToString(), term.Name));
        return concept;
    }

    private static Hl7.Fhir.Model.Consent Consent(Consent consent, Patient patient, DateTime now) => new()
    {
        Id = consent.Id.ToString(),
        Status = consent.IsActive(now) ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
        Scope = new CodeableConcept(FhirCodes.ConsentScopeSystem, "patient-privacy", "Privacy Consent"),
        Category = [new CodeableConcept(FhirCodes.ActCode, "DRC", "data collection")],
        Patient = Reference(patient),
        DateTime = Instant(consent.GivenAt),
        PolicyRule = new CodeableConcept(FhirCodes.ActCode, "OPTIN", "opt-in"),
        Provision = new Hl7.Fhir.Model.Consent.provisionComponent
        {
            Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
            Period = new Period
            {
                Start = Instant(consent.GivenAt),
                End = consent.WithdrawnAt is { } withdrawn ? Instant(withdrawn) : null,
            },
        },
    };

    private static List<ContactPoint> Telecom(string? phone, string? email, ContactPoint.ContactPointUse use)
    {
        var telecom = new List<ContactPoint>();
        if (!string.IsNullOrWhiteSpace(phone))
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, use, phone));
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, use, email));
        }

        return telecom;
    }

    private static ResourceReference Reference(Resource resource, string? display = null) => new($"urn:uuid:{resource.Id}", display);

    private static string Instant(DateTime at) =>
        new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
