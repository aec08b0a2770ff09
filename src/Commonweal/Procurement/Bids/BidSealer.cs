using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Commonweal.Procurement.Bids;

/// <summary>
/// Encrypts and decrypts what a bid says with ASP.NET Core Data Protection (authenticated
/// encryption, a fresh IV per value, keys in the database's key ring), under a purpose per
/// opportunity: ciphertext copied from one opportunity's bid to another's does not open.
/// Only <see cref="SealedBids"/> and <see cref="BidEditing"/> call it, after the access rules.
/// </summary>
public sealed class BidSealer(IDataProtectionProvider provider)
{
    public const string PurposePrefix = "Commonweal.Bids.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Purpose(Guid opportunityId) => $"{PurposePrefix}/{opportunityId}";

    public string Seal(Guid opportunityId, BidContent content) =>
        provider.CreateProtector(Purpose(opportunityId)).Protect(JsonSerializer.Serialize(content, Json));

    internal BidContent Open(Guid opportunityId, string? sealedContent) =>
        sealedContent is null
            ? new BidContent()
            : JsonSerializer.Deserialize<BidContent>(provider.CreateProtector(Purpose(opportunityId)).Unprotect(sealedContent), Json) ?? new BidContent();
}
