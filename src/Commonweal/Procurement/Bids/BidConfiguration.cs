using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement.Bids;

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("bids");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.LiveKey).HasMaxLength(100);
        builder.HasIndex(b => b.LiveKey).IsUnique();
        // Sealed: the audit log records that the content changed, never the ciphertext (or anything it could leak).
        builder.Property(b => b.SealedContent).IsAuditRedacted();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.OpportunityId, b.Status });
        builder.HasIndex(b => b.LeadOrganisationId);
        builder.HasOne(b => b.Opportunity).WithMany().HasForeignKey(b => b.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Lot).WithMany().HasForeignKey(b => b.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.LeadOrganisation).WithMany().HasForeignKey(b => b.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BidId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Evidence).WithOne().HasForeignKey(e => e.BidId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BidMemberConfiguration : IEntityTypeConfiguration<BidMember>
{
    public void Configure(EntityTypeBuilder<BidMember> builder)
    {
        builder.ToTable("bid_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Role).HasMaxLength(Bid.RoleMaxLength);
        builder.Property(m => m.SharePercent).HasPrecision(5, 2);
        builder.HasIndex(m => new { m.BidId, m.OrganisationId }).IsUnique();
        builder.HasIndex(m => m.OrganisationId);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BidEvidenceConfiguration : IEntityTypeConfiguration<BidEvidence>
{
    public void Configure(EntityTypeBuilder<BidEvidence> builder)
    {
        builder.ToTable("bid_evidence");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => e.BidId);
        // No foreign key to the passport: the record of what the bid relied on outlives a later change there.
        builder.HasMany(e => e.Documents).WithOne().HasForeignKey(d => d.BidEvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BidEvidenceDocumentConfiguration : IEntityTypeConfiguration<BidEvidenceDocument>
{
    public void Configure(EntityTypeBuilder<BidEvidenceDocument> builder)
    {
        builder.ToTable("bid_evidence_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(Passport.PassportDocument.FileNameMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.BidEvidenceId);
    }
}
