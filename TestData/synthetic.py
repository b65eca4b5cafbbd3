"""Synthetic patients, studies, pixel phantoms and instance headers for generate.py.

Every function here returns plain pydicom Datasets or numpy arrays; nothing is encoded or
written. Noise comes from random.Random(seed).random(), whose sequence Python guarantees
across versions, so the pixel values do not depend on the numpy version.
"""

import io
import random
import uuid

import numpy as np
from PIL import Image
from pydicom.dataset import Dataset
from pydicom.encaps import encapsulate
from pydicom.uid import UID

UID_NAMESPACE = uuid.UUID("6f0c1a52-3d1e-5b7a-9e43-64696d696478")  # fixed, arbitrary


def uid(name: str) -> UID:
    """A 2.25 UID derived from `name` (PS3.5 B.2, UUID version 5)."""
    return UID(f"2.25.{uuid.uuid5(UID_NAMESPACE, 'dicomidx-testdata/' + name).int}")


# SOP classes (PS3.4 B.5)
CT_IMAGE = UID("1.2.840.10008.5.1.4.1.1.2")
MR_IMAGE = UID("1.2.840.10008.5.1.4.1.1.4")
DX_PRESENTATION = UID("1.2.840.10008.5.1.4.1.1.1.1")
US_IMAGE = UID("1.2.840.10008.5.1.4.1.1.6.1")
US_MULTIFRAME = UID("1.2.840.10008.5.1.4.1.1.3.1")
SECONDARY_CAPTURE = UID("1.2.840.10008.5.1.4.1.1.7")
BASIC_TEXT_SR = UID("1.2.840.10008.5.1.4.1.1.88.11")

PATIENTS = {
    # ISO_IR 100 (Latin-1): the name and the institution are encoded as single bytes.
    "mueller": dict(PatientName="Müller^Jürgen", PatientID="PAT001", IssuerOfPatientID="KSUED",
                    PatientBirthDate="19580214", PatientSex="M", charset="ISO_IR 100",
                    InstitutionName="Universitätsklinikum Süd", Manufacturer="Synthetica"),
    # ISO_IR 192 (UTF-8): alphabetic, ideographic and phonetic component groups.
    "yamada": dict(PatientName="Yamada^Tarou=山田^太郎=やまだ^たろう", PatientID="PAT002",
                   IssuerOfPatientID="TKCH", PatientBirthDate="19790830", PatientSex="M",
                   charset="ISO_IR 192", InstitutionName="東京中央病院",
                   Manufacturer="Synthetica"),
    # No Specific Character Set (default repertoire); birth date present but empty (Type 2).
    "doe": dict(PatientName="Doe^Jane", PatientID="PAT003", IssuerOfPatientID="SGH",
                PatientBirthDate="", PatientSex="F", charset=None,
                InstitutionName="Springfield General Hospital", Manufacturer="Synthetica"),
}

STUDIES = {
    "ct": dict(patient="mueller", StudyDate="20240312", StudyTime="101530.123456",
               AccessionNumber="ACC24031201", StudyID="1", StudyDescription="CT Thorax mit KM",
               ReferringPhysicianName="Schäfer^Björn^^Dr. med.", dir="20240312_CT_THORAX"),
    "dx": dict(patient="mueller", StudyDate="20240115", StudyTime="0915",
               AccessionNumber="ACC24011502", StudyID="2",
               StudyDescription="Röntgen Thorax 2 Ebenen",
               ReferringPhysicianName="Schäfer^Björn^^Dr. med.", dir="20240115_DX_THORAX"),
    "mr": dict(patient="yamada", StudyDate="20240405", StudyTime="141000",
               AccessionNumber="TK2404050017", StudyID="17", StudyDescription="MR 右膝関節",
               ReferringPhysicianName="Suzuki^Hanako=鈴木^花子=すずき^はなこ",
               dir="20240405_MR_KNEE"),
    "us": dict(patient="doe", StudyDate="20240520", StudyTime="083000",
               AccessionNumber="", StudyID="US1", StudyDescription="US Abdomen",
               ReferringPhysicianName="", dir="20240520_US_ABDOMEN"),
}


# ---------------------------------------------------------------------------- pixels

def noise(seed: int, shape: tuple, amplitude: float) -> np.ndarray:
    """Uniform noise in [-amplitude, amplitude) from Python's version-stable generator."""
    rng = random.Random(seed)
    count = int(np.prod(shape))
    return (np.array([rng.random() for _ in range(count)]) * 2 - 1).reshape(shape) * amplitude


def ellipse(shape, cy, cx, ry, rx) -> np.ndarray:
    y, x = np.mgrid[0:shape[0], 0:shape[1]]
    return ((y - cy) / ry) ** 2 + ((x - cx) / rx) ** 2 <= 1.0


def ct_slice(seed: int, z: float) -> np.ndarray:
    """32x32 chest phantom in stored values (HU + 1024), 12 bits."""
    hu = np.full((32, 32), -1000.0)
    hu[ellipse(hu.shape, 16, 16, 11, 14)] = 40          # soft tissue
    hu[ellipse(hu.shape, 15, 10, 7, 4 + z / 50)] = -850  # right lung
    hu[ellipse(hu.shape, 15, 22, 7, 4 + z / 50)] = -850  # left lung
    hu[ellipse(hu.shape, 23, 16, 2.5, 2.5)] = 700       # vertebra
    return np.clip(hu + 1024 + noise(seed, hu.shape, 20), 0, 4095).astype(np.uint16)


def mr_slice(seed: int, contrast: float) -> np.ndarray:
    img = np.full((32, 32), 5.0)
    img[ellipse(img.shape, 16, 16, 13, 8)] = 300 * contrast   # soft tissue
    img[ellipse(img.shape, 10, 16, 5, 5)] = 900               # femur
    img[ellipse(img.shape, 22, 16, 5, 5)] = 850               # tibia
    return np.clip(img + noise(seed, img.shape, 15), 0, 4095).astype(np.uint16)


def dx_image(seed: int, monochrome1: bool) -> np.ndarray:
    img = np.full((32, 32), 3600.0)
    img[ellipse(img.shape, 16, 16, 15, 13)] = 1800
    img[ellipse(img.shape, 14, 10, 9, 4)] = 3000
    img[ellipse(img.shape, 14, 22, 9, 4)] = 3000
    img = np.clip(img + noise(seed, img.shape, 40), 0, 4095)
    return (4095 - img if monochrome1 else img).astype(np.uint16)


def us_frame(seed: int, phase: int) -> np.ndarray:
    y, x = np.mgrid[0:32, 0:32]
    fan = (np.abs(x - 16) <= y * 0.6) & (y < 30)
    img = np.where(fan, 40 + 12 * ((y + phase) % 8), 0)         # integer bands, no libm
    img[ellipse(img.shape, 18, 16 + phase % 3, 4, 5) & fan] = 10      # a vessel
    return np.clip(img + fan * noise(seed, img.shape, 25), 0, 255).astype(np.uint8)


def sc_rgb() -> np.ndarray:
    """A 32x32 RGB "dose screen": colour bars over a dark gradient."""
    y, x = np.mgrid[0:32, 0:32]
    rgb = np.stack([x * 4, y * 4, np.full_like(x, 40)], axis=-1)
    for i, colour in enumerate([(230, 30, 30), (30, 200, 30), (30, 60, 230), (240, 240, 240)]):
        rgb[4 + i * 6:8 + i * 6, 4:28] = colour
    return rgb.astype(np.uint8)


def jpeg_baseline(rgb: np.ndarray) -> bytes:
    """JPEG Baseline (process 1) with 4:2:2 chroma subsampling, as YBR_FULL_422 requires."""
    out = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(out, "JPEG", quality=90, subsampling=1, optimize=False)
    data = out.getvalue()
    return data + b"\x00" if len(data) % 2 else data   # PS3.5 A.4: even-length fragments


# ---------------------------------------------------------------------------- headers

def base(study: str, series: int, instance: int, sop_class: UID, modality: str,
         description: str, body_part: str | None, series_time: str) -> Dataset:
    """Patient, study, series, equipment and SOP common modules for one instance."""
    st, pt = STUDIES[study], PATIENTS[STUDIES[study]["patient"]]
    ds = Dataset()
    if pt["charset"]:
        ds.SpecificCharacterSet = pt["charset"]
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = uid(f"{study}/{series}/{instance}")
    ds.StudyDate, ds.SeriesDate, ds.ContentDate = st["StudyDate"], st["StudyDate"], st["StudyDate"]
    ds.StudyTime, ds.SeriesTime = st["StudyTime"], series_time
    ds.ContentTime = f"{series_time[:4]}{instance:02d}"
    ds.AccessionNumber = st["AccessionNumber"]
    ds.Modality = modality
    ds.Manufacturer = pt["Manufacturer"]
    ds.InstitutionName = pt["InstitutionName"]
    ds.ReferringPhysicianName = st["ReferringPhysicianName"]
    ds.StationName = f"{modality}01"
    ds.StudyDescription = st["StudyDescription"]
    ds.SeriesDescription = description
    ds.ManufacturerModelName = "dicomidx synthetic"
    for key in ("PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate", "PatientSex"):
        setattr(ds, key, pt[key])
    if body_part:
        ds.BodyPartExamined = body_part
    ds.DeviceSerialNumber = "0001"
    ds.SoftwareVersions = "pydicom generate.py"
    ds.StudyInstanceUID = uid(f"{study}")
    ds.SeriesInstanceUID = uid(f"{study}/{series}")
    ds.StudyID = st["StudyID"]
    ds.SeriesNumber = series
    ds.InstanceNumber = instance
    return ds


def code(value: str, scheme: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
    return item


def add_request(ds: Dataset, study: str, procedure: Dataset) -> None:
    """ReferencedStudySequence, ProcedureCodeSequence and a two-level RequestAttributesSequence."""
    ref = Dataset()
    ref.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"   # Detached Study Management (retired)
    ref.ReferencedSOPInstanceUID = uid(f"{study}/order")
    ds.ReferencedStudySequence = [ref]
    ds.ProcedureCodeSequence = [procedure]
    req = Dataset()
    req.RequestedProcedureID = f"RP{STUDIES[study]['StudyID']}"
    req.ScheduledProcedureStepID = f"SPS{STUDIES[study]['StudyID']}"
    req.ScheduledProcedureStepDescription = procedure.CodeMeaning
    req.ScheduledProtocolCodeSequence = [procedure]
    ds.RequestAttributesSequence = [req]


def add_private(ds: Dataset) -> None:
    """A private block (0029,00xx creator) with LO, US and a private sequence."""
    block = ds.private_block(0x0029, "DICOMIDX SYNTHETIC", create=True)
    block.add_new(0x01, "LO", "reconstruction note")
    block.add_new(0x02, "US", 7)
    block.add_new(0x03, "SQ", [code("99XYZ", "99DICOMIDX", "private code in private SQ")])


def add_pixels(ds: Dataset, arr: np.ndarray, bits_stored: int, photometric: str,
               frames: int = 1, big_endian: bool = False) -> None:
    """Image Pixel module for `arr` shaped ([frames,] rows, columns[, 3]), native encoding."""
    samples = 3 if photometric in ("RGB", "YBR_FULL_422") else 1
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = photometric
    if samples == 3:
        ds.PlanarConfiguration = 0
    if frames > 1:
        ds.NumberOfFrames = frames
    shape = arr.shape[1:] if frames > 1 else arr.shape
    ds.Rows, ds.Columns = shape[0], shape[1]
    ds.BitsAllocated = arr.dtype.itemsize * 8
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 0
    ds.PixelData = arr.astype(arr.dtype.newbyteorder(">" if big_endian else "<")).tobytes()


AXIAL, SAGITTAL, CORONAL = [1, 0, 0, 0, 1, 0], [0, 1, 0, 0, 0, -1], [1, 0, 0, 0, 0, -1]


def image_plane(ds: Dataset, z: float, spacing: float, thickness: float,
                orientation: list) -> None:
    ds.SliceThickness = thickness
    ds.ImagePositionPatient = [-16 * spacing, -16 * spacing, z]
    ds.ImageOrientationPatient = orientation
    ds.SliceLocation = z
    ds.PixelSpacing = [spacing, spacing]


# ---------------------------------------------------------------------------- instances

def ct(series: int, instance: int, z: float, lung: bool, big_endian: bool = False) -> Dataset:
    ds = base("ct", series, instance, CT_IMAGE, "CT", "Lunge 1mm" if lung else "Thorax 5mm",
              "CHEST", "101812")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.AcquisitionDate, ds.AcquisitionTime, ds.AcquisitionNumber = "20240312", "101802", 1
    ds.ScanOptions, ds.KVP, ds.PatientPosition = "HELICAL MODE", 120, "HFS"
    ds.ContrastBolusAgent = "Iomeprol 350"
    ds.ConvolutionKernel = "B70f" if lung else "B30f"
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid("ct/frame-of-reference"), ""
    image_plane(ds, z, 11.0, 1.0 if lung else 5.0, AXIAL)
    add_pixels(ds, ct_slice(1000 * series + instance, z), 12, "MONOCHROME2",
               big_endian=big_endian)
    ds.WindowCenter, ds.WindowWidth = (-600, 1500) if lung else (40, 400)
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
    add_request(ds, "ct", code("ZT0101", "99KSUED", "CT Thorax mit Kontrastmittel"))
    add_private(ds)
    return ds


def secondary_capture() -> Dataset:
    ds = base("ct", 3, 1, SECONDARY_CAPTURE, "OT", "Dosisprotokoll", None, "102400")
    ds.ImageType = ["DERIVED", "SECONDARY", "SCREEN SAVE"]
    ds.ConversionType = "WSD"
    ds.PatientOrientation = ""
    ds.LossyImageCompression, ds.LossyImageCompressionMethod = "01", "ISO_10918_1"
    add_pixels(ds, sc_rgb(), 8, "RGB")
    ds.PhotometricInterpretation = "YBR_FULL_422"
    ds.PixelData = encapsulate([jpeg_baseline(sc_rgb())])
    ds["PixelData"].VR = "OB"
    return ds


def evidence(study: str, series_instances: dict) -> Dataset:
    """One Hierarchical SOP Instance Reference item (its own StudyInstanceUID inside)."""
    item = Dataset()
    item.StudyInstanceUID = uid(study)
    item.ReferencedSeriesSequence = []
    for (series, sop_class), instances in series_instances.items():
        ser = Dataset()
        ser.SeriesInstanceUID = uid(f"{study}/{series}")
        ser.ReferencedSOPSequence = []
        for n in instances:
            sop = Dataset()
            sop.ReferencedSOPClassUID, sop.ReferencedSOPInstanceUID = sop_class, uid(
                f"{study}/{series}/{n}")
            ser.ReferencedSOPSequence.append(sop)
        item.ReferencedSeriesSequence.append(ser)
    return item


def text_item(name: Dataset, text: str) -> Dataset:
    item = Dataset()
    item.RelationshipType, item.ValueType = "CONTAINS", "TEXT"
    item.ConceptNameCodeSequence, item.TextValue = [name], text
    return item


def structured_report() -> Dataset:
    """Basic Text SR referencing the CT series and the prior DX study (evidence sequences and
    the Common Instance Reference module)."""
    ds = base("ct", 4, 1, BASIC_TEXT_SR, "SR", "Befund", None, "113000")
    ds.ContentTime = "113000"
    ds.ValueType, ds.ContinuityOfContent = "CONTAINER", "SEPARATE"
    ds.ConceptNameCodeSequence = [code("18748-4", "LN", "Diagnostic imaging report")]
    ds.CompletionFlag, ds.VerificationFlag = "COMPLETE", "VERIFIED"
    observer = Dataset()
    observer.VerifyingObserverName = "Weiß^Ingrid^^Dr. med."
    observer.VerifyingOrganization = "Radiologie"
    observer.VerificationDateTime = "20240312114500"
    ds.VerifyingObserverSequence = [observer]
    findings = Dataset()
    findings.RelationshipType, findings.ValueType = "CONTAINS", "CONTAINER"
    findings.ContinuityOfContent = "SEPARATE"
    findings.ConceptNameCodeSequence = [code("121070", "DCM", "Findings")]
    findings.ContentSequence = [text_item(code("121071", "DCM", "Finding"),
                                          "Lungengerüst unauffällig. Keine Rundherde.")]
    ds.ContentSequence = [findings, text_item(code("121076", "DCM", "Conclusion"),
                                              "Kein Malignomnachweis.")]
    current = evidence("ct", {(1, CT_IMAGE): [1, 2, 3], (2, CT_IMAGE): [1, 2]})
    prior = evidence("dx", {(1, DX_PRESENTATION): [1]})
    ds.CurrentRequestedProcedureEvidenceSequence = [current]
    ds.PertinentOtherEvidenceSequence = [prior]
    # Common Instance Reference module: (0008,1115) and (0008,1200) sort before (0020,000D)
    # and (0020,000E), so nested Series/Study Instance UIDs come first in the file.
    ds.ReferencedSeriesSequence = current.ReferencedSeriesSequence
    ds.StudiesContainingOtherReferencedInstancesSequence = [prior]
    return ds


def dx(series: int, instance: int, lateral: bool, big_endian: bool = False) -> Dataset:
    ds = base("dx", series, instance, DX_PRESENTATION, "DX",
              "Thorax lat" if lateral else "Thorax pa", "CHEST", "091700")
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.PresentationIntentType, ds.ViewPosition = "FOR PRESENTATION", "LL" if lateral else "PA"
    ds.PatientOrientation = ["A", "F"] if lateral else ["L", "F"]
    ds.KVP, ds.ExposureInuAs, ds.ImagerPixelSpacing = 125, 2000, [0.143, 0.143]
    ds.DetectorType, ds.BurnedInAnnotation = "SCINTILLATOR", "NO"
    ds.PixelIntensityRelationship, ds.PixelIntensityRelationshipSign = "LOG", -1 if lateral else 1
    mono1 = lateral   # the lateral view is MONOCHROME1, as many CR/DX systems write it
    add_pixels(ds, dx_image(2000 + 10 * series + instance, mono1), 12,
               "MONOCHROME1" if mono1 else "MONOCHROME2", big_endian=big_endian)
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
    add_request(ds, "dx", code("XR0102", "99KSUED", "Röntgen Thorax pa und seitlich"))
    return ds


def mr(series: int, instance: int) -> Dataset:
    t1 = series == 2
    ds = base("mr", series, instance, MR_IMAGE, "MR", "t1_se_cor" if t1 else "pd_tse_fs_sag",
              "KNEE", "141512" if t1 else "141045")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "ND"]
    ds.ScanningSequence, ds.SequenceVariant = "SE", ["SK", "SP"]
    ds.ScanOptions = "" if t1 else "FS"
    ds.MRAcquisitionType = "2D"
    ds.SequenceName = "*se2d1" if t1 else "*tse2d1_7"
    ds.RepetitionTime, ds.EchoTime = (550, 12) if t1 else (3200, 32)
    ds.MagneticFieldStrength, ds.ImagingFrequency = 1.5, 63.68
    ds.EchoTrainLength, ds.ProtocolName = 1 if t1 else 7, ds.SeriesDescription
    ds.PatientPosition, ds.Laterality = "FFS", "R"
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid("mr/frame-of-reference"), ""
    image_plane(ds, 3.5 * instance, 5.0, 3.0, CORONAL if t1 else SAGITTAL)
    add_pixels(ds, mr_slice(3000 + 10 * series + instance, 0.6 if t1 else 1.2), 12,
               "MONOCHROME2")
    ds.WindowCenter, ds.WindowWidth = 500, 1000
    return ds


def ultrasound() -> Dataset:
    ds = base("us", 1, 1, US_IMAGE, "US", "Leber", "ABDOMEN", "083215")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", "0001"]
    region = Dataset()
    region.RegionSpatialFormat, region.RegionDataType, region.RegionFlags = 1, 1, 0
    region.RegionLocationMinX0, region.RegionLocationMinY0 = 0, 0
    region.RegionLocationMaxX1, region.RegionLocationMaxY1 = 31, 29
    region.PhysicalUnitsXDirection, region.PhysicalUnitsYDirection = 3, 3   # cm
    region.PhysicalDeltaX, region.PhysicalDeltaY = 0.5, 0.5
    region.ReferencePixelX0, region.ReferencePixelY0 = 16, 0
    ds.SequenceOfUltrasoundRegions = [region]
    gray = us_frame(4001, 0)
    rgb = np.stack([gray, gray, np.maximum(gray, 12)], axis=-1)
    add_pixels(ds, rgb, 8, "RGB")
    return ds


def ultrasound_cine() -> Dataset:
    ds = base("us", 2, 1, US_MULTIFRAME, "US", "Leber Cine", "ABDOMEN", "083400")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", "0001"]
    ds.FrameTime, ds.CineRate, ds.RecommendedDisplayFrameRate = 40.0, 25, 25
    ds.FrameIncrementPointer = 0x00181063   # (0018,1063) Frame Time, an AT value
    frames = np.stack([us_frame(4100 + f, f) for f in range(4)])
    add_pixels(ds, frames, 8, "MONOCHROME2", frames=4)
    return ds
