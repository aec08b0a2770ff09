using Commonweal.Data;

namespace Commonweal.Referrals;

public enum ContactPreference
{
    Phone,
    TextMessage,
    Email,
    Letter,
}

/// <summary>
/// A person being cared for. Their record is confidential: it is read only through
/// <see cref="PersonRecords"/>, which applies <see cref="PersonAccess"/> and audits every read.
/// </summary>
public sealed class Person
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 4_000;

    public Guid Id { get; set; } = NewId.Next();

    /// <summary>Ten digits with a valid check digit, when known; unique, so one person has one record.</summary>
    public string? NhsNumber { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Postcode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactPreference ContactPreference { get; set; }

    /// <summary>In the person's own words: the "what matters to me" that the care plan starts from.</summary>
    public string? WhatMattersToMe { get; set; }

    /// <summary>Family name, date of birth and postcode folded for matching possible duplicates.</summary>
    public string MatchKey { get; set; } = "";

    public Guid RegisteredByOrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public static string MatchKeyFor(string givenName, string familyName, DateOnly dateOfBirth, string? postcode) =>
        string.Join('|',
            Fold(familyName),
            Fold(givenName),
            dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Fold(postcode ?? ""));

    private static string Fold(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);

    public void RefreshMatchKey() => MatchKey = MatchKeyFor(GivenName, FamilyName, DateOfBirth, Postcode);
}
