using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement.Ocds;

internal sealed class OcdsProcessConfiguration : IEntityTypeConfiguration<OcdsProcess>
{
    public void Configure(EntityTypeBuilder<OcdsProcess> builder)
    {
        builder.ToTable("ocds_processes");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(p => p.Ocid).HasMaxLength(OcdsProcess.OcidMaxLength);
        builder.HasIndex(p => p.Ocid).IsUnique();
        builder.HasIndex(p => p.OpportunityId).IsUnique();
        builder.Property(p => p.Language).HasMaxLength(35);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Publisher).HasMaxLength(300);
        builder.HasOne(p => p.Opportunity).WithMany().HasForeignKey(p => p.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Releases).WithOne().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OcdsReleaseConfiguration : IEntityTypeConfiguration<OcdsRelease>
{
    public void Configure(EntityTypeBuilder<OcdsRelease> builder)
    {
        builder.ToTable("ocds_releases");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(r => r.Ocid).HasMaxLength(OcdsProcess.OcidMaxLength);
        builder.Property(r => r.ReleaseId).HasMaxLength(OcdsRelease.ReleaseIdMaxLength);
        builder.Property(r => r.Tags).HasMaxLength(300);
        // The release is kept whole in this row; the audit log records that it was written, not a second copy.
        builder.Property(r => r.Json).IsAuditRedacted();
        builder.HasIndex(r => new { r.Ocid, r.ReleaseId }).IsUnique();
        builder.HasIndex(r => r.Date);
    }
}
