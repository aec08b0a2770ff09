using Commonweal.Referrals;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commonweal.Web.Referrals;

/// <summary>The register-a-person form as typed: the date as text, read the way people write dates.</summary>
public sealed class PersonForm
{
    public string? NhsNumber { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Postcode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactPreference? ContactPreference { get; set; }
    public string? WhatMattersToMe { get; set; }
    public Guid? OrganisationId { get; set; }
    public string? Role { get; set; }
    public ConsentInput Consent { get; set; } = new();
    public bool ConfirmNotDuplicate { get; set; }

    public PersonDraft ToDraft(ModelStateDictionary modelState, string prefix) => new()
    {
        NhsNumber = NhsNumber,
        GivenName = GivenName,
        FamilyName = FamilyName,
        DateOfBirth = new FormText(modelState, prefix).Date(DateOfBirth, nameof(DateOfBirth), "Date of birth"),
        Postcode = Postcode,
        Phone = Phone,
        Email = Email,
        ContactPreference = ContactPreference,
        WhatMattersToMe = WhatMattersToMe,
        OrganisationId = OrganisationId,
        Role = Role,
        Consent = Consent.GivenBy is null && Consent.Method is null ? null : Consent,
        ConfirmNotDuplicate = ConfirmNotDuplicate,
    };
}

public static class CareLabels
{
    public static string DisplayName(ContactPreference p) => p switch
    {
        ContactPreference.TextMessage => "Text message",
        _ => p.ToString(),
    };

    public static string DisplayName(ConsentGivenBy g) => g == ConsentGivenBy.Person ? "The person" : "A representative (a parent, carer or attorney)";

    public static string DisplayName(ConsentMethod m) => m switch
    {
        ConsentMethod.Verbal => "Spoken",
        ConsentMethod.Written => "Written and signed",
        _ => "Online or by email",
    };

    public static string DisplayName(ConsentScope s) => s switch
    {
        ConsentScope.Referral => "This referral",
        ConsentScope.CareTeamSharing => "Sharing with the care team",
        _ => "Outcome follow-up questionnaires",
    };

    public static string DisplayName(ReferralUrgency u) => u switch
    {
        ReferralUrgency.Routine => "Routine",
        ReferralUrgency.Soon => "Soon: within two weeks",
        _ => "Urgent: within two working days",
    };

    public static string TagColour(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "blue",
        ReferralStatus.Accepted or ReferralStatus.InProgress => "green",
        ReferralStatus.Completed => "grey",
        _ => "orange",
    };
}
