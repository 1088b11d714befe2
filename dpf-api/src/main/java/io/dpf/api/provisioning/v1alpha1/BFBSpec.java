package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!has(oldSelf.fileName) || (has(self.fileName) && self.fileName == oldSelf.fileName)",
    message = "fileName is immutable once set", fieldPath = ".fileName")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BFBSpec {
  @Required
  @Pattern(ApiPatterns.BFB_URL)
  @Size(max = 2048)
  @ValidationRule(value = "self == oldSelf", message = "url is immutable")
  @JsonProperty("url")
  private String url;
  /** Name of the file in the PVC; defaults to {@code <namespace>-<name>.bfb}. */
  @Pattern(ApiPatterns.BFB_FILE_NAME)
  @Size(max = 253)
  @JsonProperty("fileName")
  private String fileName;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getFileName() {
    return fileName;
  }

  public void setFileName(String fileName) {
    this.fileName = fileName;
  }
}
