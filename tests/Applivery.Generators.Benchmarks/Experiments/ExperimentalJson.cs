// EXPERIMENT, not generated code: a hand-modified copy of the reader that Applivery.Generators emits
// (obj/Release/net10.0/generated/.../Applivery.Generators.Benchmarks.Api.AppliveryClient.Json.g.cs), reduced to the
// read path of DownloadsByUserResponse. It builds the same generated DTOs, keeps the same error behaviour (JSON path of
// a failure, cut-off bodies, unknown properties skipped, unknown enum values kept in UnrecognizedValues) and reuses the
// generated runtime helpers verbatim (Parse, Next, SkipValue, ReadDouble, ..., JsonReadFailure). Only these change:
//
//  A. Names as UTF-8 literals ("id"u8, static RVA data; `static ReadOnlySpan<byte> X => new byte[] { ... }` compiles
//     to the same before C# 11) instead of `static readonly JsonEncodedText` fields read through .EncodedUtf8Bytes.
//  B. Property dispatch: Match{Type}() switches on the name's length and compares with SequenceEqual against the
//     literals, when the name is not escaped (reader.ValueIsEscaped); escaped names fall back to the ValueTextEquals
//     chain. The loop then switches on the index. Enum values are matched the same way.
//  C. Arrays: items are collected in a buffer rented from ArrayPool<T>.Shared and returned as one exactly sized T[]
//     (still an IReadOnlyList<T>), instead of a List<T> grown by doubling.
//  D. (optional, off unless UseShortStringCache is set) ReadString returns a cached instance for unescaped ASCII
//     strings of at most 20 bytes: a thread-static, direct-mapped table of 1,024 strings. Equal text, fewer strings.
//
// The benchmarks compare it with the generated reader on the same bytes; Equivalence.Check verifies that it reads the
// same values (also from JSON with escaped names, unknown properties and unknown enum values).
#nullable enable
#pragma warning disable CS0618

namespace Applivery.Generators.Benchmarks.Experiments
{
    /// <summary>EXPERIMENT: the generated reader with changes A-D (see the top of the file).</summary>
    internal static class ExperimentalJson
    {
        /// <summary>Change D: when true, short unescaped ASCII strings are read through a thread-static cache.</summary>
        internal static bool UseShortStringCache;

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.Member"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.Member ReadMember(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            global::Applivery.Generators.Benchmarks.Api.MemberType? _type = default;
            string? _memberId = default;
            string? _email = default;
            string? _firstName = default;
            string? _lastName = default;
            string? _picture = default;
            global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues = null;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchMember(ref reader))
                    {
                        case 0:
                            at = ".type";
                            Next(ref reader);
                            _type = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadMemberTypeValue(ref reader, "type", ref unrecognizedValues);
                            at = null;
                            break;
                        case 1:
                            at = ".memberId";
                            Next(ref reader);
                            _memberId = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 2:
                            at = ".email";
                            Next(ref reader);
                            _email = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 3:
                            at = ".firstName";
                            Next(ref reader);
                            _firstName = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 4:
                            at = ".lastName";
                            Next(ref reader);
                            _lastName = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 5:
                            at = ".picture";
                            Next(ref reader);
                            _picture = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.Member
            {
                Type = _type,
                MemberId = _memberId,
                Email = _email,
                FirstName = _firstName,
                LastName = _lastName,
                Picture = _picture,
                UnrecognizedValues = unrecognizedValues,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchMember(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "type"u8)) return 0;
                        return -1;
                    case 5:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "email"u8)) return 2;
                        return -1;
                    case 7:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "picture"u8)) return 5;
                        return -1;
                    case 8:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "memberId"u8)) return 1;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "lastName"u8)) return 4;
                        return -1;
                    case 9:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "firstName"u8)) return 3;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("type"u8)) return 0;
            if (reader.ValueTextEquals("memberId"u8)) return 1;
            if (reader.ValueTextEquals("email"u8)) return 2;
            if (reader.ValueTextEquals("firstName"u8)) return 3;
            if (reader.ValueTextEquals("lastName"u8)) return 4;
            if (reader.ValueTextEquals("picture"u8)) return 5;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadBuild"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadBuild ReadDownloadBuild(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _id = default;
            string? _os = default;
            string? _buildPlatform = default;
            string? _icon = default;
            string? _versionName = default;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownloadBuild(ref reader))
                    {
                        case 0:
                            at = ".id";
                            Next(ref reader);
                            _id = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".os";
                            Next(ref reader);
                            _os = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 2:
                            at = ".buildPlatform";
                            Next(ref reader);
                            _buildPlatform = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 3:
                            at = ".icon";
                            Next(ref reader);
                            _icon = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 4:
                            at = ".versionName";
                            Next(ref reader);
                            _versionName = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.DownloadBuild
            {
                Id = _id,
                Os = _os,
                BuildPlatform = _buildPlatform,
                Icon = _icon,
                VersionName = _versionName,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownloadBuild(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 2:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "id"u8)) return 0;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "os"u8)) return 1;
                        return -1;
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "icon"u8)) return 3;
                        return -1;
                    case 11:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "versionName"u8)) return 4;
                        return -1;
                    case 13:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "buildPlatform"u8)) return 2;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("id"u8)) return 0;
            if (reader.ValueTextEquals("os"u8)) return 1;
            if (reader.ValueTextEquals("buildPlatform"u8)) return 2;
            if (reader.ValueTextEquals("icon"u8)) return 3;
            if (reader.ValueTextEquals("versionName"u8)) return 4;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadDevice"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadDevice ReadDownloadDevice(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _model = default;
            string? _type = default;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownloadDevice(ref reader))
                    {
                        case 0:
                            at = ".model";
                            Next(ref reader);
                            _model = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".type";
                            Next(ref reader);
                            _type = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.DownloadDevice
            {
                Model = _model,
                Type = _type,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownloadDevice(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "type"u8)) return 1;
                        return -1;
                    case 5:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "model"u8)) return 0;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("model"u8)) return 0;
            if (reader.ValueTextEquals("type"u8)) return 1;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadOs"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadOs ReadDownloadOs(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _name = default;
            string? _version = default;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownloadOs(ref reader))
                    {
                        case 0:
                            at = ".name";
                            Next(ref reader);
                            _name = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".version";
                            Next(ref reader);
                            _version = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.DownloadOs
            {
                Name = _name,
                Version = _version,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownloadOs(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "name"u8)) return 0;
                        return -1;
                    case 7:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "version"u8)) return 1;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("name"u8)) return 0;
            if (reader.ValueTextEquals("version"u8)) return 1;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadNetworkInfo"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadNetworkInfo ReadDownloadNetworkInfo(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _ip = default;
            string? _city = default;
            string? _continent = default;
            string? _country = default;
            double? _latitude = default;
            double? _longitude = default;
            string? _postalCode = default;
            string? _region = default;
            string? _regionCode = default;
            string? _timezone = default;
            string? _visitor = default;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownloadNetworkInfo(ref reader))
                    {
                        case 0:
                            at = ".ip";
                            Next(ref reader);
                            _ip = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".city";
                            Next(ref reader);
                            _city = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 2:
                            at = ".continent";
                            Next(ref reader);
                            _continent = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 3:
                            at = ".country";
                            Next(ref reader);
                            _country = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 4:
                            at = ".latitude";
                            Next(ref reader);
                            _latitude = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDouble(ref reader);
                            at = null;
                            break;
                        case 5:
                            at = ".longitude";
                            Next(ref reader);
                            _longitude = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDouble(ref reader);
                            at = null;
                            break;
                        case 6:
                            at = ".postalCode";
                            Next(ref reader);
                            _postalCode = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 7:
                            at = ".region";
                            Next(ref reader);
                            _region = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 8:
                            at = ".regionCode";
                            Next(ref reader);
                            _regionCode = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 9:
                            at = ".timezone";
                            Next(ref reader);
                            _timezone = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 10:
                            at = ".visitor";
                            Next(ref reader);
                            _visitor = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.DownloadNetworkInfo
            {
                Ip = _ip,
                City = _city,
                Continent = _continent,
                Country = _country,
                Latitude = _latitude,
                Longitude = _longitude,
                PostalCode = _postalCode,
                Region = _region,
                RegionCode = _regionCode,
                Timezone = _timezone,
                Visitor = _visitor,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownloadNetworkInfo(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 2:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "ip"u8)) return 0;
                        return -1;
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "city"u8)) return 1;
                        return -1;
                    case 6:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "region"u8)) return 7;
                        return -1;
                    case 7:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "country"u8)) return 3;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "visitor"u8)) return 10;
                        return -1;
                    case 8:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "latitude"u8)) return 4;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "timezone"u8)) return 9;
                        return -1;
                    case 9:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "continent"u8)) return 2;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "longitude"u8)) return 5;
                        return -1;
                    case 10:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "postalCode"u8)) return 6;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "regionCode"u8)) return 8;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("ip"u8)) return 0;
            if (reader.ValueTextEquals("city"u8)) return 1;
            if (reader.ValueTextEquals("continent"u8)) return 2;
            if (reader.ValueTextEquals("country"u8)) return 3;
            if (reader.ValueTextEquals("latitude"u8)) return 4;
            if (reader.ValueTextEquals("longitude"u8)) return 5;
            if (reader.ValueTextEquals("postalCode"u8)) return 6;
            if (reader.ValueTextEquals("region"u8)) return 7;
            if (reader.ValueTextEquals("regionCode"u8)) return 8;
            if (reader.ValueTextEquals("timezone"u8)) return 9;
            if (reader.ValueTextEquals("visitor"u8)) return 10;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.Download"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.Download ReadDownload(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _id = default;
            global::Applivery.Generators.Benchmarks.Api.DownloadSource? _from = default;
            global::Applivery.Generators.Benchmarks.Api.DownloadBuild? _build = default;
            global::System.Text.Json.JsonElement? _info = default;
            global::Applivery.Generators.Benchmarks.Api.DownloadDevice? _device = default;
            global::Applivery.Generators.Benchmarks.Api.DownloadOs? _os = default;
            global::Applivery.Generators.Benchmarks.Api.DownloadNetworkInfo? _networkInfo = default;
            global::System.DateTimeOffset? _createdAt = default;
            global::System.DateTimeOffset? _updatedAt = default;
            global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues = null;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownload(ref reader))
                    {
                        case 0:
                            at = ".id";
                            Next(ref reader);
                            _id = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".from";
                            Next(ref reader);
                            _from = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDownloadSourceValue(ref reader, "from", ref unrecognizedValues);
                            at = null;
                            break;
                        case 2:
                            at = ".build";
                            Next(ref reader);
                            _build = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDownloadBuild(ref reader);
                            at = null;
                            break;
                        case 3:
                            at = ".info";
                            Next(ref reader);
                            _info = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadJsonElement(ref reader);
                            at = null;
                            break;
                        case 4:
                            at = ".device";
                            Next(ref reader);
                            _device = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDownloadDevice(ref reader);
                            at = null;
                            break;
                        case 5:
                            at = ".os";
                            Next(ref reader);
                            _os = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDownloadOs(ref reader);
                            at = null;
                            break;
                        case 6:
                            at = ".networkInfo";
                            Next(ref reader);
                            _networkInfo = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDownloadNetworkInfo(ref reader);
                            at = null;
                            break;
                        case 7:
                            at = ".createdAt";
                            Next(ref reader);
                            _createdAt = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);
                            at = null;
                            break;
                        case 8:
                            at = ".updatedAt";
                            Next(ref reader);
                            _updatedAt = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.Download
            {
                Id = _id,
                From = _from,
                Build = _build,
                Info = _info,
                Device = _device,
                Os = _os,
                NetworkInfo = _networkInfo,
                CreatedAt = _createdAt,
                UpdatedAt = _updatedAt,
                UnrecognizedValues = unrecognizedValues,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownload(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 2:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "id"u8)) return 0;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "os"u8)) return 5;
                        return -1;
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "from"u8)) return 1;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "info"u8)) return 3;
                        return -1;
                    case 5:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "build"u8)) return 2;
                        return -1;
                    case 6:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "device"u8)) return 4;
                        return -1;
                    case 9:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "createdAt"u8)) return 7;
                        if (global::System.MemoryExtensions.SequenceEqual(name, "updatedAt"u8)) return 8;
                        return -1;
                    case 11:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "networkInfo"u8)) return 6;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("id"u8)) return 0;
            if (reader.ValueTextEquals("from"u8)) return 1;
            if (reader.ValueTextEquals("build"u8)) return 2;
            if (reader.ValueTextEquals("info"u8)) return 3;
            if (reader.ValueTextEquals("device"u8)) return 4;
            if (reader.ValueTextEquals("os"u8)) return 5;
            if (reader.ValueTextEquals("networkInfo"u8)) return 6;
            if (reader.ValueTextEquals("createdAt"u8)) return 7;
            if (reader.ValueTextEquals("updatedAt"u8)) return 8;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.UserDownloads"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.UserDownloads ReadUserDownloads(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            string? _id = default;
            int? _total = default;
            global::Applivery.Generators.Benchmarks.Api.Member? _member = default;
            global::System.Collections.Generic.IReadOnlyList<global::Applivery.Generators.Benchmarks.Api.Download>? _downloads = default;
            global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues = null;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchUserDownloads(ref reader))
                    {
                        case 0:
                            at = ".id";
                            Next(ref reader);
                            _id = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadString(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".total";
                            Next(ref reader);
                            _total = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadInt32(ref reader);
                            at = null;
                            break;
                        case 2:
                            at = ".member";
                            Next(ref reader);
                            _member = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadMember(ref reader);
                            at = null;
                            break;
                        case 3:
                            at = ".downloads";
                            Next(ref reader);
                            _downloads = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadListOfDownload(ref reader, "downloads", ref unrecognizedValues);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.UserDownloads
            {
                Id = _id,
                Total = _total,
                Member = _member,
                Downloads = _downloads,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchUserDownloads(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 2:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "id"u8)) return 0;
                        return -1;
                    case 5:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "total"u8)) return 1;
                        return -1;
                    case 6:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "member"u8)) return 2;
                        return -1;
                    case 9:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "downloads"u8)) return 3;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("id"u8)) return 0;
            if (reader.ValueTextEquals("total"u8)) return 1;
            if (reader.ValueTextEquals("member"u8)) return 2;
            if (reader.ValueTextEquals("downloads"u8)) return 3;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadsByUserResponse"/> from the current token, which must start an object.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadsByUserResponse ReadDownloadsByUserResponse(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
            bool? _status = default;
            global::System.Collections.Generic.IReadOnlyList<global::Applivery.Generators.Benchmarks.Api.UserDownloads>? _data = default;
            global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues = null;
            string? at = null;
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    switch (MatchDownloadsByUserResponse(ref reader))
                    {
                        case 0:
                            at = ".status";
                            Next(ref reader);
                            _status = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadBoolean(ref reader);
                            at = null;
                            break;
                        case 1:
                            at = ".data";
                            Next(ref reader);
                            _data = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : ReadListOfUserDownloads(ref reader, "data", ref unrecognizedValues);
                            at = null;
                            break;
                        default:
                            Next(ref reader);
                            SkipValue(ref reader);
                            break;
                    }
                }
            }
            catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, at);
            }

            return new global::Applivery.Generators.Benchmarks.Api.DownloadsByUserResponse
            {
                Status = _status,
                Data = _data,
            };
        }

        /// <summary>Change B: the index of the property the reader is on (in spec order), or -1 for one the spec does not list.</summary>
        private static int MatchDownloadsByUserResponse(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                switch (name.Length)
                {
                    case 4:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "data"u8)) return 1;
                        return -1;
                    case 6:
                        if (global::System.MemoryExtensions.SequenceEqual(name, "status"u8)) return 0;
                        return -1;
                    default:
                        return -1;
                }
            }

            // An escaped or segmented name: compare the unescaped text, as the generated chain does.
            if (reader.ValueTextEquals("status"u8)) return 0;
            if (reader.ValueTextEquals("data"u8)) return 1;
            return -1;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.MemberType"/>; a value the spec does not list gives Unrecognized and its raw text under <paramref name="key"/>.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.MemberType ReadMemberTypeValue(ref global::System.Text.Json.Utf8JsonReader reader, string key, ref global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
            {
                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    global::System.ReadOnlySpan<byte> text = reader.ValueSpan;
                    switch (text.Length)
                    {
                        case 4:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "user"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.User;
                            break;
                        case 7:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "mdmUser"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.MdmUser;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "otpUser"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.OtpUser;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "unknown"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Unknown;
                            break;
                        case 8:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "employee"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Employee;
                            break;
                        case 9:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "anonymous"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Anonymous;
                            break;
                    }
                }
                else
                {
                    if (reader.ValueTextEquals("user"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.User;
                    if (reader.ValueTextEquals("employee"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Employee;
                    if (reader.ValueTextEquals("mdmUser"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.MdmUser;
                    if (reader.ValueTextEquals("otpUser"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.OtpUser;
                    if (reader.ValueTextEquals("unknown"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Unknown;
                    if (reader.ValueTextEquals("anonymous"u8)) return global::Applivery.Generators.Benchmarks.Api.MemberType.Anonymous;
                }
            }

            (unrecognizedValues ??= new global::System.Collections.Generic.Dictionary<string, string>())[key] = RawScalarText(ref reader);
            return global::Applivery.Generators.Benchmarks.Api.MemberType.Unrecognized;
        }

        /// <summary>Reads a <see cref="global::Applivery.Generators.Benchmarks.Api.DownloadSource"/>; a value the spec does not list gives Unrecognized and its raw text under <paramref name="key"/>.</summary>
        internal static global::Applivery.Generators.Benchmarks.Api.DownloadSource ReadDownloadSourceValue(ref global::System.Text.Json.Utf8JsonReader reader, string key, ref global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
            {
                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    global::System.ReadOnlySpan<byte> text = reader.ValueSpan;
                    switch (text.Length)
                    {
                        case 3:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "sdk"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Sdk;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "emm"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Emm;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "adm"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Adm;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "win"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Win;
                            break;
                        case 4:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "scim"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Scim;
                            break;
                        case 5:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "store"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Store;
                            if (global::System.MemoryExtensions.SequenceEqual(text, "agent"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Agent;
                            break;
                        case 9:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "dashboard"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Dashboard;
                            break;
                        case 14:
                            if (global::System.MemoryExtensions.SequenceEqual(text, "integrationApi"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.IntegrationApi;
                            break;
                    }
                }
                else
                {
                    if (reader.ValueTextEquals("store"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Store;
                    if (reader.ValueTextEquals("sdk"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Sdk;
                    if (reader.ValueTextEquals("dashboard"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Dashboard;
                    if (reader.ValueTextEquals("integrationApi"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.IntegrationApi;
                    if (reader.ValueTextEquals("emm"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Emm;
                    if (reader.ValueTextEquals("adm"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Adm;
                    if (reader.ValueTextEquals("scim"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Scim;
                    if (reader.ValueTextEquals("agent"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Agent;
                    if (reader.ValueTextEquals("win"u8)) return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Win;
                }
            }

            (unrecognizedValues ??= new global::System.Collections.Generic.Dictionary<string, string>())[key] = RawScalarText(ref reader);
            return global::Applivery.Generators.Benchmarks.Api.DownloadSource.Unrecognized;
        }

        /// <summary>Reads a JSON array of global::Applivery.Generators.Benchmarks.Api.Download. Change C: one exactly sized array.</summary>
        private static global::System.Collections.Generic.IReadOnlyList<global::Applivery.Generators.Benchmarks.Api.Download> ReadListOfDownload(ref global::System.Text.Json.Utf8JsonReader reader, string key, ref global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartArray, "an array");
            var items = new PooledArrayBuilder<global::Applivery.Generators.Benchmarks.Api.Download>();
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndArray)
                {
                    items.Add(reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null! : ReadDownload(ref reader));
                }

                return items.ToArray();
            }
            catch (global::System.Exception exception) when (IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, "[" + items.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
            finally
            {
                items.Dispose();
            }
        }

        /// <summary>Reads a JSON array of global::Applivery.Generators.Benchmarks.Api.UserDownloads. Change C: one exactly sized array.</summary>
        private static global::System.Collections.Generic.IReadOnlyList<global::Applivery.Generators.Benchmarks.Api.UserDownloads> ReadListOfUserDownloads(ref global::System.Text.Json.Utf8JsonReader reader, string key, ref global::System.Collections.Generic.Dictionary<string, string>? unrecognizedValues)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.StartArray, "an array");
            var items = new PooledArrayBuilder<global::Applivery.Generators.Benchmarks.Api.UserDownloads>();
            try
            {
                while (Next(ref reader) != global::System.Text.Json.JsonTokenType.EndArray)
                {
                    items.Add(reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null! : ReadUserDownloads(ref reader));
                }

                return items.ToArray();
            }
            catch (global::System.Exception exception) when (IsReadFailure(exception))
            {
                throw JsonReadFailure.Within(exception, "[" + items.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
            finally
            {
                items.Dispose();
            }
        }

        /// <summary>Change C: collects items in arrays rented from the shared pool; <see cref="ToArray"/> copies them into one exactly sized array.</summary>
        private struct PooledArrayBuilder<T>
        {
            private T[]? _items;
            private int _count;

            public readonly int Count => _count;

            public void Add(T item)
            {
                if (_items is null)
                {
                    _items = global::System.Buffers.ArrayPool<T>.Shared.Rent(16);
                }
                else if (_count == _items.Length)
                {
                    var larger = global::System.Buffers.ArrayPool<T>.Shared.Rent(_items.Length * 2);
                    global::System.Array.Copy(_items, larger, _count);
                    global::System.Buffers.ArrayPool<T>.Shared.Return(_items, clearArray: true);
                    _items = larger;
                }

                _items[_count++] = item;
            }

            public readonly T[] ToArray()
            {
                if (_count == 0)
                {
                    return global::System.Array.Empty<T>();
                }

                var result = new T[_count];
                global::System.Array.Copy(_items!, result, _count);
                return result;
            }

            public void Dispose()
            {
                if (_items is not null)
                {
                    global::System.Buffers.ArrayPool<T>.Shared.Return(_items, clearArray: true);
                    _items = null;
                }
            }
        }

        [global::System.ThreadStatic]
        private static string?[]? t_shortStrings;

        /// <summary>Change D: an equal, cached instance for an unescaped ASCII string of at most 20 bytes; anything else is read as usual.</summary>
        private static string ReadShortStringCached(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            var text = reader.ValueSpan;
            if (text.Length == 0 || text.Length > 20 || reader.ValueIsEscaped || reader.HasValueSequence)
            {
                return reader.GetString()!;
            }

            ulong head = 0;
            ulong tail = 0;
            if (text.Length >= 8)
            {
                head = global::System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(text);
                tail = global::System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(text.Length - 8));
            }
            else
            {
                for (var i = 0; i < text.Length; i++)
                {
                    head = (head << 8) | text[i];
                }
            }

            var slot = (int)(((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)text.Length) >> 54);
            var cache = t_shortStrings ??= new string?[1024];
            var cached = cache[slot];
            if (cached is not null && global::System.Text.Ascii.Equals(text, cached))
            {
                return cached;
            }

            var value = reader.GetString()!;
            cache[slot] = value;
            return value;
        }

        /// <summary>Reads one value of type <typeparamref name="T"/> from the reader's current token.</summary>
        internal delegate T ValueReader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

        /// <summary>Deeper JSON than this is refused rather than followed: no real response nests that far.</summary>
        internal const int MaxDepth = 256;

        /// <summary>Parses a whole UTF-8 JSON document; a failure is a <see cref="global::System.Text.Json.JsonException"/> naming the JSON path and what was found.</summary>
        internal static T Parse<T>(global::System.ReadOnlySpan<byte> utf8Json, ValueReader<T> read)
        {
            if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
            {
                utf8Json = utf8Json.Slice(3);
            }

            // Not a final block: data that ends inside a value makes Read() return false, which Next() reports as a cut-off body.
            var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, isFinalBlock: false, new global::System.Text.Json.JsonReaderState(new global::System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth }));
            try
            {
                if (!reader.Read())
                {
                    // A bare scalar document ("42") is only complete once the reader knows no more data follows.
                    reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, new global::System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth });
                    if (!reader.Read())
                    {
                        throw new JsonReadFailure("the body is empty, where a JSON value was expected", string.Empty);
                    }
                }

                var value = read(ref reader);
                if (reader.Read())
                {
                    throw new JsonReadFailure("unexpected data after the end of the JSON value: " + Found(ref reader), string.Empty);
                }

                return value;
            }
            catch (global::System.Exception exception) when (IsReadFailure(exception))
            {
                var failure = (JsonReadFailure)JsonReadFailure.Within(exception, string.Empty);
                var path = "$" + failure.PathSuffix;
                throw new global::System.Text.Json.JsonException(path + ": " + failure.Reason, path, null, reader.BytesConsumed, failure);
            }
        }

        /// <summary>Moves to the next token; the end of the data before the end of the value means the body was cut off.</summary>
        private static global::System.Text.Json.JsonTokenType Next(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw new JsonReadFailure("the JSON ends before the value is complete (the body was cut off)", string.Empty);
            }

            return reader.TokenType;
        }

        private static void SkipValue(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.TrySkip())
            {
                throw new JsonReadFailure("the JSON ends before the value is complete (the body was cut off)", string.Empty);
            }
        }

        private static void ExpectToken(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType expected, string description)
        {
            if (reader.TokenType != expected)
            {
                throw Unexpected(ref reader, description);
            }
        }

        internal static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.String, "a string");
            return UseShortStringCache ? ReadShortStringCached(ref reader) : reader.GetString()!;
        }

        internal static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.True:
                    return true;
                case global::System.Text.Json.JsonTokenType.False:
                    return false;
                default:
                    throw Unexpected(ref reader, "true or false");
            }
        }

        internal static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt32(out var value))
            {
                throw Unexpected(ref reader, "an integer from -2147483648 to 2147483647");
            }

            return value;
        }

        internal static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt64(out var value))
            {
                throw Unexpected(ref reader, "a 64-bit integer");
            }

            return value;
        }

        internal static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetDouble(out var value) || double.IsInfinity(value))
            {
                throw Unexpected(ref reader, "a number");
            }

            return value;
        }

        internal static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetSingle(out var value) || float.IsInfinity(value))
            {
                throw Unexpected(ref reader, "a single-precision number");
            }

            return value;
        }

        internal static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetDecimal(out var value))
            {
                throw Unexpected(ref reader, "a decimal number");
            }

            return value;
        }

        internal static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw Unexpected(ref reader, "an RFC 3339 date-time such as 2024-01-01T00:00:00Z");
            }

            return value;
        }

        internal static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String || !reader.TryGetGuid(out var value))
            {
                throw Unexpected(ref reader, "a UUID");
            }

            return value;
        }

        internal static global::System.Text.Json.JsonElement ReadJsonElement(ref global::System.Text.Json.Utf8JsonReader reader) =>
            global::System.Text.Json.JsonElement.ParseValue(ref reader);

        /// <summary>The text of a scalar as sent: a string's value, or a number's or literal's JSON text.</summary>
        private static string RawScalarText(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.String:
                    return reader.GetString()!;
                case global::System.Text.Json.JsonTokenType.Number:
                case global::System.Text.Json.JsonTokenType.True:
                case global::System.Text.Json.JsonTokenType.False:
                    return global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                default:
                    throw Unexpected(ref reader, "a string");
            }
        }

        private static JsonReadFailure Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected) =>
            new JsonReadFailure("expected " + expected + ", found " + Found(ref reader), string.Empty);

        /// <summary>Describes the current token for an error message, with at most 100 characters of its text.</summary>
        private static string Found(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.StartObject:
                    return "an object";
                case global::System.Text.Json.JsonTokenType.StartArray:
                    return "an array";
                case global::System.Text.Json.JsonTokenType.Null:
                    return "null";
                case global::System.Text.Json.JsonTokenType.String:
                    return "the string '" + Excerpt(reader.GetString()!) + "'";
                default:
                    return "'" + Excerpt(global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())) + "'";
            }
        }

        private static string Excerpt(string text) => text.Length <= 100 ? text : text.Substring(0, 100) + "… (" + text.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " characters)";

        /// <summary>Failures that a read turns into a path-carrying message: ours, and the reader's own for malformed JSON.</summary>
        private static bool IsReadFailure(global::System.Exception exception) =>
            exception is JsonReadFailure || exception is global::System.Text.Json.JsonException || exception is global::System.InvalidOperationException;

        /// <summary>
        /// A read failure on its way out of nested readers; each level prepends its step, so the path costs nothing
        /// until something fails.
        /// </summary>
        internal sealed class JsonReadFailure : global::System.Exception
        {
            public JsonReadFailure(string reason, string pathSuffix)
                : base(reason)
            {
                Reason = reason;
                PathSuffix = pathSuffix;
            }

            public string Reason { get; }

            public string PathSuffix { get; }

            public static global::System.Exception Within(global::System.Exception exception, string step) =>
                exception is JsonReadFailure failure
                    ? new JsonReadFailure(failure.Reason, step + failure.PathSuffix)
                    : new JsonReadFailure("the JSON is not valid: " + exception.Message, step);
        }
    }
}
