namespace PacSubmissions.Tests.Deployment;

/// <summary>A fact that needs the Bicep CLI the tests project restores, which is the Linux x64 build: skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Skip = "The Bicep CLI package these tests use is the Linux x64 build.";
        }
    }
}

/// <summary>The theory twin of <see cref="LinuxFactAttribute"/>.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Skip = "The Bicep CLI package these tests use is the Linux x64 build.";
        }
    }
}
