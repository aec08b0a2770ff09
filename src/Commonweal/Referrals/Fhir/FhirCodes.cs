using Hl7.Fhir.Model;

namespace Commonweal.Referrals.Fhir;

/// <summary>
/// The code systems, codes and value mappings of a referral message, as the NHS Booking and
/// Referral Standard (BaRS) shapes it. Kept together so that export and import agree.
/// </summary>
public static class FhirCodes
{
    public const string MessageEvents = "https://fhir.nhs.uk/CodeSystem/message-events-bars";
    public const string ReferralRequestEvent = "servicerequest-request";
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string Snomed = "http://snomed.info/sct";
    public const string SocialPrescribingReferral = "871731000000106";
    public const string SocialPrescribingReferralDisplay = "Referral to social prescribing service";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ConsentScopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope";
    public const string UriSystem = "urn:ietf:rfc:3986";

    /// <summary>Our own identifiers, for what has no national one: references, services, organisations.</summary>
    public const string ReferralReferenceSystem = "https://commonweal.org.uk/Id/referral";
    public const string ServiceSystem = "https://commonweal.org.uk/Id/service";
    public const string OrganisationSystem = "https://commonweal.org.uk/Id/organisation";
    public const string TaxonomyTermSystem = "https://commonweal.org.uk/Id/taxonomy-term";
    public const string SourceEndpoint = "urn:commonweal:fhir";

    /// <summary>The organisation identifier prefix (org-id.guide) under which an ODS code is kept.</summary>
    public const string OdsPrefix = "GB-NHS-";

    public const string MediaType = "application/fhir+json";

    /// <summary>
    /// Every referral here goes to a community service in the directory, and those are what social
    /// prescribing refers to (link workers connecting people to community support); so every referral
    /// carries SNOMED CT 871731000000106 as its category and code.
    /// </summary>
    public static CodeableConcept SocialPrescribing() =>
        new(Snomed, SocialPrescribingReferral, SocialPrescribingReferralDisplay, SocialPrescribingReferralDisplay);

    public static RequestStatus StatusOf(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.InProgress => RequestStatus.Active,
        ReferralStatus.Completed => RequestStatus.Completed,
        _ => RequestStatus.Revoked,
    };

    /// <summary>Routine is routine; "soon" (days, not weeks) is urgent; our urgent (today) is asap.</summary>
    public static RequestPriority PriorityOf(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Soon => RequestPriority.Urgent,
        ReferralUrgency.Urgent => RequestPriority.Asap,
        _ => RequestPriority.Routine,
    };

    /// <summary>The reverse of <see cref="PriorityOf"/>; stat is as urgent as we go, and no priority is routine.</summary>
    public static ReferralUrgency UrgencyOf(RequestPriority? priority) => priority switch
    {
        RequestPriority.Urgent => ReferralUrgency.Soon,
        RequestPriority.Asap or RequestPriority.Stat => ReferralUrgency.Urgent,
        _ => ReferralUrgency.Routine,
    };
}
